package com.stategraph.billing.sync;

import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.load.BillingLoad;
import com.stategraph.billing.load.BillingPartitions;
import com.stategraph.billing.load.BillingVacuum;
import com.stategraph.billing.source.BillingSource;
import com.stategraph.billing.source.BillingSourceRepository;
import com.stategraph.billing.source.Provider;
import com.stategraph.billing.storage.Location;
import com.stategraph.billing.storage.ObjectStore;
import com.stategraph.billing.storage.ObjectStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one sync: plan the files, stream each through its reader and the FOCUS normaliser into one
 * {@link BillingLoad}, and commit it; then record the outcome on the run and the source.
 */
public class SyncExecutor {
    private static final Logger log = LoggerFactory.getLogger(SyncExecutor.class);

    private final SyncRunRepository runs;
    private final BillingSourceRepository sources;
    private final ObjectStores stores;
    private final SyncQueue queue;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final BillingLoad.Settings loadSettings;
    private final Duration timeout;
    private final SyncLimits limits;
    private final SyncMemory memory;
    /** How long a failed sync waits for the database to record its failure, and how often it tries. */
    private static final Duration FINISH_PATIENCE = Duration.ofMinutes(30);
    private static final Duration FINISH_RETRY = Duration.ofSeconds(5);
    private final SyncPlanner planner = new SyncPlanner(new ExportManifests());
    private final List<SyncListener> listeners;

    SyncExecutor(SyncRunRepository runs, BillingSourceRepository sources, ObjectStores stores, SyncQueue queue,
                 DataSource dataSource, TransactionTemplate tx, Clock clock, int maxAttempts, Duration retryBackoff,
                 BillingLoad.Settings loadSettings, Duration timeout, SyncLimits limits, SyncMemory memory,
                 List<SyncListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.runs = runs;
        this.sources = sources;
        this.stores = stores;
        this.queue = queue;
        this.dataSource = dataSource;
        this.tx = tx;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
        this.loadSettings = loadSettings;
        this.timeout = timeout;
        this.limits = limits;
        this.memory = memory;
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
        int starts = runs.start(runId, window);
        if (starts == 0) {
            return;
        }
        Instant started = clock.instant();
        // The keeper of the embedded database notes a full disk in wall-clock time.
        Instant wallStart = Instant.now();
        SyncProgress progress = new SyncProgress(runs, runId, clock, started.plus(timeout), timeout);
        ConformanceFindings findings = new ConformanceFindings();
        List<ConformanceFindings.Warning> notes = new ArrayList<>();
        // A start after the first is a revival: the server running it died. Revivals count as attempts, so a sync that
        // takes its server down is not taken up for ever.
        int attempt = run.attempt() + starts - 1;
        if (starts > 1 && attempt > maxAttempts) {
            String error = "the sync was started " + attempt + " times and its server stopped each time before it finished;"
                    + " it is not started again (STATEGRAPH_SYNC_MAX_ATTEMPTS is " + maxAttempts + "): the server's log says why"
                    + " it stopped; nothing was changed";
            fail(run, progress, error, notes, findings, false);
            log.warn("sync {} of source {}: {}", runId, source.id(), error);
            return;
        }
        if (starts > 1) {
            notes.add(new ConformanceFindings.Warning("RESUMED_AFTER_RESTART", "resumed after restart: attempt " + attempt + " of "
                    + maxAttempts + " (the server that ran it before stopped before it finished)", 1, List.of()));
        }
        if (run.trigger().equals("scheduled") && !source.enabled()) {
            // Disabling stops scheduling: a retry that was waiting ends here, and the source keeps its status.
            runs.finish(runId, false, "not run: the source was disabled before this scheduled sync started", 0, List.of(),
                    Map.of(), List.of(), 0, 0);
            return;
        }
        sources.markRunning(run.tenantId(), run.sourceId());
        try {
            long rows = load(source, run, window, progress, findings, notes);
            List<ConformanceFindings.Warning> warnings = new ArrayList<>(notes);
            warnings.addAll(findings.warnings());
            runs.finish(runId, true, null, rows, warnings, progress.versions, progress.unchanged, progress.files,
                    progress.bytes);
            // The source's rows as of this sync: those loaded, and those of the periods found unchanged.
            sources.markSynced(run.tenantId(), run.sourceId(), rows + progress.unchangedRows());
            log.info("sync {} of source {} loaded {} rows from {} files; {} periods unchanged", runId, source.id(), rows,
                    progress.files, progress.unchanged.size());
            tell(new SyncFinished(run.tenantId(), run.sourceId(), source.provider(), runId, true, null, summary(warnings), rows,
                    progress.readBytes, Duration.between(started, clock.instant()), clock.instant(), progress.changed));
        } catch (Throwable e) {
            // An Error (out of memory, say) ends the run too: a run left "running" would hold the source for ever.
            Failure failure = failWhenReachable(run, progress, e, wallStart, notes, findings);
            String error = failure.error();
            List<ConformanceFindings.Warning> warnings = failure.warnings();
            tell(new SyncFinished(run.tenantId(), run.sourceId(), source.provider(), runId, false, error, summary(warnings), 0,
                    progress.readBytes, Duration.between(started, clock.instant()), clock.instant(), false));
            if (SyncErrors.aboutTheData(e)) {
                log.warn("sync {} of source {} failed: {}", runId, source.id(), error);
            } else {
                // The whole exception, SDK text and stack trace included, goes to the log; the run keeps the one line.
                log.warn("sync {} of source {} failed: {}", runId, source.id(), error, e);
            }
        }
    }

    private long load(BillingSource source, SyncRunRepository.RunTarget run, SyncWindow window, SyncProgress progress,
                      ConformanceFindings findings, List<ConformanceFindings.Warning> notes) throws Exception {
        Location location = Location.parse(source.sourceUri());
        Provider provider = Provider.parse(source.provider());
        try (ObjectStore store = stores.open(location, source.region(), source.tenantId())) {
            SyncPlan plan = planner.plan(store, location, provider);
            notes.addAll(plan.notes());
            if (plan.files().isEmpty()) {
                throw new NothingToLoadException("no data files match " + source.sourceUri() + "; nothing was changed"
                        + (plan.notes().isEmpty() ? "" : " (" + plan.notes().get(0).message() + ")"));
            }
            String loader = FileLedger.loader(source);
            FileReads reads = new FileReads(store, location, window, loader, findings, progress, limits, memory);
            BillingLoad.Outcome outcome;
            try (BillingLoad load = BillingLoad.begin(dataSource, run.tenantId(), run.sourceId(), provider.focusName(),
                    run.id(), window.periods(), loadSettings)) {
                // Read once the load holds the source: another sync of it has committed what it recorded, or waits.
                Map<LocalDate, Long> loads = FileLedger.currentLoads(dataSource, run.tenantId(), run.sourceId());
                ReloadPlan reload = ReloadPlan.of(plan.files(), FileLedger.read(dataSource, run.tenantId(), run.sourceId()), loader,
                        window, loads.keySet(), run.force());
                for (PlannedFile file : reload.changed()) {
                    reads.read(file, load);
                }
                Set<LocalDate> due = reload.due(load.periodsInExport());
                Map<LocalDate, Integer> kept = reload.kept(due, window);
                load.keep(kept.keySet());
                for (PlannedFile file : reload.unchangedToRead(due)) {
                    reads.read(file, load);
                }
                kept.forEach((period, files) -> progress.unchanged.add(
                        new SyncRun.UnchangedPeriod(period.toString().substring(0, 7), loads.getOrDefault(period, 0L), files)));
                List<String> listed = plan.files().stream().map(PlannedFile::key).toList();
                outcome = load.commit(c -> FileLedger.record(c, run.tenantId(), run.sourceId(), listed, reads.recorded()));
            }
            progress.rows = outcome.rows();
            progress.changed = outcome.periodsReplaced() > 0;
            // Every sync also drops what earlier ones, or a removed source, left: a table is never read once retired.
            BillingPartitions.dropRetired(dataSource);
            if (outcome.retiredRows() > 0) {
                BillingVacuum.afterReplace(dataSource);
            }
            if (reads.outside() > 0) {
                notes.add(new ConformanceFindings.Warning("ROWS_OUTSIDE_WINDOW", "rows of billing periods outside"
                        + " the sync window " + window.first() + " to " + window.end() + " were not loaded", reads.outside(),
                        List.of()));
            }
            if (!outcome.kept().isEmpty()) {
                notes.add(periodWarning("PERIOD_NOT_IN_EXPORT", "the export holds no files for billing period"
                        + plural(outcome.kept()) + "; the rows loaded earlier were kept", outcome.kept()));
            }
            if (!outcome.nowEmpty().isEmpty()) {
                notes.add(periodWarning("PERIOD_NOW_EMPTY", "the export's files for billing period"
                        + plural(outcome.nowEmpty()) + " hold no rows now; the rows loaded earlier were removed", outcome.nowEmpty()));
            }
            return outcome.rows();
        }
    }

    private static String plural(Map<LocalDate, Long> periods) {
        return (periods.size() > 1 ? "s " : " ") + periods.keySet().stream()
                .map(p -> p.toString().substring(0, 7)).collect(java.util.stream.Collectors.joining(", "));
    }

    /** One sample per period: the period (YYYY-MM) as the value, the rows it had as the row. */
    private static ConformanceFindings.Warning periodWarning(String code, String message, Map<LocalDate, Long> periods) {
        return new ConformanceFindings.Warning(code, message, periods.size(), periods.entrySet().stream()
                .map(e -> new ConformanceFindings.Sample(null, e.getValue(), e.getKey().toString().substring(0, 7)))
                .toList());
    }

    private void tell(SyncFinished finished) {
        for (SyncListener listener : listeners) {
            try {
                listener.finished(finished);
            } catch (RuntimeException e) {
                log.warn("after sync {}: {} failed", finished.runId(), listener.getClass().getSimpleName(), e);
            }
        }
    }

    private static List<SyncFinished.Warning> summary(List<ConformanceFindings.Warning> warnings) {
        return warnings.stream().map(w -> new SyncFinished.Warning(w.code(), w.message(), w.count())).toList();
    }

    private record Failure(String error, List<ConformanceFindings.Warning> warnings) {
    }

    /**
     * Records the failure, waiting for the database when it cannot be reached (it stopped on a full disk and is started
     * again once there is room): a run left "running" would be revived, and fill the disk again.
     */
    private Failure failWhenReachable(SyncRunRepository.RunTarget run, SyncProgress progress, Throwable e, Instant wallStart,
                                      List<ConformanceFindings.Warning> notes, ConformanceFindings findings) {
        Instant giveUp = Instant.now().plus(FINISH_PATIENCE);
        boolean told = false;
        while (true) {
            String error = SyncErrors.describe(e, wallStart);
            try {
                return new Failure(error, fail(run, progress, error, notes, findings, true));
            } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException db) {
                if (Instant.now().isAfter(giveUp)) {
                    throw db;
                }
                if (!told) {
                    told = true;
                    log.warn("sync {} failed ({}), and the database cannot be reached to record it; trying again every {} s",
                            run.id(), error, FINISH_RETRY.toSeconds());
                }
                try {
                    Thread.sleep(FINISH_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw db;
                }
            }
        }
    }

    private List<ConformanceFindings.Warning> fail(SyncRunRepository.RunTarget run, SyncProgress progress, String error,
                      List<ConformanceFindings.Warning> notes, ConformanceFindings findings, boolean retry) {
        List<ConformanceFindings.Warning> warnings = new ArrayList<>(notes);
        warnings.addAll(findings.warnings());
        tx.executeWithoutResult(s -> {
            runs.finish(run.id(), false, error, 0, warnings, progress.versions, List.of(), progress.files, progress.bytes);
            sources.markFailed(run.tenantId(), run.sourceId(), error);
            if (retry && run.trigger().equals("scheduled") && run.attempt() < maxAttempts) {
                Duration delay = retryBackoff.multipliedBy(1L << (run.attempt() - 1));
                queue.retry(run.tenantId(), run.sourceId(), run.attempt() + 1, delay);
            }
        });
        return warnings;
    }
}
