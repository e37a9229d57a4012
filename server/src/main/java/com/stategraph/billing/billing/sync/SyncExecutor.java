package com.stategraph.billing.billing.sync;

import com.stategraph.billing.billing.format.ConformanceFindings;
import com.stategraph.billing.billing.format.CsvRecordReader;
import com.stategraph.billing.billing.format.FileKind;
import com.stategraph.billing.billing.format.FocusNormaliser;
import com.stategraph.billing.billing.format.FormatException;
import com.stategraph.billing.billing.format.ParquetRecordReader;
import com.stategraph.billing.billing.format.RangeInputFile;
import com.stategraph.billing.billing.format.RecordReader;
import com.stategraph.billing.billing.load.BillingLoad;
import com.stategraph.billing.billing.source.BillingSource;
import com.stategraph.billing.billing.source.BillingSourceRepository;
import com.stategraph.billing.billing.source.Provider;
import com.stategraph.billing.billing.storage.Location;
import com.stategraph.billing.billing.storage.ObjectStore;
import com.stategraph.billing.billing.storage.ObjectStores;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one sync: plan the files, stream each through its reader and the FOCUS normaliser into one
 * {@link BillingLoad}, and commit it; then record the outcome on the run and the source.
 */
@Component
public class SyncExecutor {
    private static final Logger log = LoggerFactory.getLogger(SyncExecutor.class);
    private static final long PROGRESS_EVERY_ROWS = 50_000;

    private final SyncRunRepository runs;
    private final BillingSourceRepository sources;
    private final ObjectStores stores;
    private final SyncQueue queue;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final SyncPlanner planner = new SyncPlanner(new ExportManifests());

    public SyncExecutor(SyncRunRepository runs, BillingSourceRepository sources, ObjectStores stores, SyncQueue queue,
                        DataSource dataSource, TransactionTemplate tx, Clock clock,
                        @Value("${stategraph.sync.max-attempts}") int maxAttempts,
                        @Value("${stategraph.sync.retry-backoff}") Duration retryBackoff) {
        this.runs = runs;
        this.sources = sources;
        this.stores = stores;
        this.queue = queue;
        this.dataSource = dataSource;
        this.tx = tx;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
    }

    public void execute(UUID runId) {
        SyncRunRepository.RunTarget run = runs.target(runId).orElse(null);
        if (run == null || !(run.status().equals("queued") || run.status().equals("running"))) {
            return; // the source was removed, or another replica finished the run
        }
        BillingSource source = sources.find(run.tenantId(), run.sourceId()).orElse(null);
        if (source == null) {
            return;
        }
        SyncWindow window = SyncWindow.of(source.windowMonths(), run.requestedStart(), LocalDate.now(clock));
        if (!runs.start(runId, window)) {
            return;
        }
        Progress progress = new Progress(runId);
        ConformanceFindings findings = new ConformanceFindings();
        List<ConformanceFindings.Warning> notes = new ArrayList<>();
        if (run.trigger().equals("scheduled") && !source.enabled()) {
            // Disabling stops scheduling: a retry that was waiting ends here, and the source keeps its status.
            runs.finish(runId, false, "not run: the source was disabled before this scheduled sync started", 0, List.of());
            return;
        }
        sources.markRunning(run.tenantId(), run.sourceId());
        try {
            long rows = load(source, run, window, progress, findings, notes);
            List<ConformanceFindings.Warning> warnings = new ArrayList<>(notes);
            warnings.addAll(findings.warnings());
            runs.finish(runId, true, null, rows, warnings);
            sources.markSynced(run.tenantId(), run.sourceId(), rows);
            log.info("sync {} of source {} loaded {} rows from {} files", runId, source.id(), rows, progress.files);
        } catch (Exception e) {
            fail(run, progress, describe(e), notes, findings, true);
            log.warn("sync {} of source {} failed: {}", runId, source.id(), describe(e));
        }
    }

    private long load(BillingSource source, SyncRunRepository.RunTarget run, SyncWindow window, Progress progress,
                      ConformanceFindings findings, List<ConformanceFindings.Warning> notes) throws Exception {
        Location location = Location.parse(source.sourceUri());
        try (ObjectStore store = stores.open(location, source.region())) {
            SyncPlan plan = planner.plan(store, location, Provider.parse(source.provider()));
            notes.addAll(plan.notes());
            long outside = 0;
            try (BillingLoad load = BillingLoad.begin(dataSource, run.tenantId(), run.sourceId(), source.provider(), run.id(),
                    window.periods())) {
                for (PlannedFile file : plan.files()) {
                    outside += loadFile(store, location, file, load, findings, progress);
                    progress.fileDone(file.size());
                }
                long rows = load.commit();
                progress.rows = rows;
                if (outside > 0) {
                    notes.add(new ConformanceFindings.Warning("ROWS_OUTSIDE_WINDOW", "rows of billing periods outside"
                            + " the sync window " + window.first() + " to " + window.end() + " were not loaded", outside, List.of()));
                }
                return rows;
            }
        }
    }

    /** @return rows skipped because their billing period is outside the window */
    private long loadFile(ObjectStore store, Location location, PlannedFile file, BillingLoad load,
                          ConformanceFindings findings, Progress progress) throws IOException {
        load.startFile(file.uri());
        RecordReader reader;
        if (file.kind() == FileKind.PARQUET) {
            // Parquet is read in place: the footer, then each row group, through ranged reads; nothing on disk.
            reader = location.scheme() == Location.Scheme.FILE
                    ? ParquetRecordReader.open(Path.of(file.key()), file.uri())
                    : ParquetRecordReader.open(new RangeInputFile(
                            (offset, length) -> store.openRange(location, file.key(), offset, length), file.size()), file.uri());
        } else {
            reader = CsvRecordReader.open(store.open(location, file.key()), file.uri());
        }
        long outside = 0;
        try (reader) {
            FocusNormaliser normaliser = new FocusNormaliser(file.uri(), reader.columns(), findings);
            Object[] values = new Object[reader.columns().size()];
            while (true) {
                boolean more;
                try {
                    more = reader.next(values);
                } catch (FormatException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    throw new FormatException(file.uri(), reader.row() + 1, null, "cannot read: " + e.getMessage());
                }
                if (!more) {
                    break;
                }
                if (!load.write(normaliser.normalise(values, reader.row()))) {
                    outside++;
                } else if (++progress.rows % PROGRESS_EVERY_ROWS == 0) {
                    progress.report();
                }
            }
        }
        return outside;
    }

    private void fail(SyncRunRepository.RunTarget run, Progress progress, String error,
                      List<ConformanceFindings.Warning> notes, ConformanceFindings findings, boolean retry) {
        List<ConformanceFindings.Warning> warnings = new ArrayList<>(notes);
        warnings.addAll(findings.warnings());
        tx.executeWithoutResult(s -> {
            runs.finish(run.id(), false, error, 0, warnings);
            sources.markFailed(run.tenantId(), run.sourceId(), error);
            if (retry && run.trigger().equals("scheduled") && run.attempt() < maxAttempts) {
                Duration delay = retryBackoff.multipliedBy(1L << (run.attempt() - 1));
                queue.retry(run.tenantId(), run.sourceId(), run.attempt() + 1, delay);
            }
        });
    }

    /** What users read in last_error: the file, row and column where we know them, never a stack trace. */
    static String describe(Throwable e) {
        if (e instanceof FormatException || e instanceof ExportManifests.ManifestException
                || e instanceof com.stategraph.billing.billing.storage.StorageException) {
            return e.getMessage();
        }
        if (e instanceof SQLException sql) {
            return "database: " + sql.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Files and rows done so far, written to the run as the sync goes so `sync --wait` can show them. */
    private final class Progress {
        private final UUID runId;
        int files;
        long bytes;
        long rows;

        Progress(UUID runId) {
            this.runId = runId;
        }

        void fileDone(long size) {
            files++;
            bytes += size;
            report();
        }

        void report() {
            runs.progress(runId, files, bytes, rows);
        }
    }
}
