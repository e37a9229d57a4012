package com.stategraph.billing.sync;

import com.stategraph.billing.format.CanonicalRow;
import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.format.CsvRecordReader;
import com.stategraph.billing.format.FileKind;
import com.stategraph.billing.format.FocusNormaliser;
import com.stategraph.billing.format.FocusVersion;
import com.stategraph.billing.format.FormatException;
import com.stategraph.billing.format.ParquetRecordReader;
import com.stategraph.billing.format.ReadLimits;
import com.stategraph.billing.format.RecordReader;
import com.stategraph.billing.format.StoredParquetFile;
import com.stategraph.billing.load.BillingLoad;
import com.stategraph.billing.storage.Location;
import com.stategraph.billing.storage.ObjectStore;
import com.stategraph.billing.storage.StoredFile;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a sync's files one by one, each through its reader and the FOCUS normaliser into the
 * load, and notes for each the billing periods its rows fell in, for {@link FileLedger}.
 */
final class FileReads {
    private static final long PROGRESS_EVERY_ROWS = 50_000;

    private final ObjectStore store;
    private final Location location;
    private final SyncWindow window;
    private final String loader;
    private final ConformanceFindings findings;
    private final SyncProgress progress;
    private final SyncLimits limits;
    private final SyncMemory memory;
    private final Map<String, FileLedger.Entry> recorded = new HashMap<>();
    private long outside;

    FileReads(ObjectStore store, Location location, SyncWindow window, String loader, ConformanceFindings findings,
              SyncProgress progress, SyncLimits limits, SyncMemory memory) {
        this.store = store;
        this.location = location;
        this.window = window;
        this.loader = loader;
        this.findings = findings;
        this.progress = progress;
        this.limits = limits;
        this.memory = memory;
    }

    /** Rows skipped so far because their billing period is outside the window. */
    long outside() {
        return outside;
    }

    /** What each file read had, as {@link FileLedger#record} keeps it. */
    Map<String, FileLedger.Entry> recorded() {
        return recorded;
    }

    void read(PlannedFile file, BillingLoad load) throws IOException {
        progress.checkDeadline();
        if (file.period() != null) {
            load.expectPeriod(file.period());
        }
        load.startFile(file.uri());
        ReadLimits fileLimits = limits.forFile(memory, progress.readBytes, progress.readRows);
        StoredFile stored = new StoredFile(store, location, file.key(), file.size(), file.uri());
        RecordReader reader;
        try {
            reader = file.kind() == FileKind.PARQUET
                    // Read in place: the footer in one request, then each row group through ranged reads; nothing on disk.
                    ? ParquetRecordReader.open(new StoredParquetFile(stored), file.uri(), fileLimits)
                    : CsvRecordReader.open(stored.open(), file.uri(), fileLimits);
        } catch (RuntimeException e) {
            progress.fileFailed(0);
            throw e;
        }
        Set<LocalDate> periods;
        try {
            periods = readInto(file, reader, load);
        } catch (IOException | RuntimeException e) {
            // a run that fails still says what it read: the file it failed on counts, with the bytes read of it
            progress.fileFailed(reader.bytes());
            throw e;
        }
        if (file.period() != null) {
            periods.add(file.period());
        }
        recorded.put(file.key(), new FileLedger.Entry(file.identity(), loader, periods));
        progress.fileDone(file.size());
    }

    /** @return the billing periods of the file's rows, those outside the window included */
    private Set<LocalDate> readInto(PlannedFile file, RecordReader reader, BillingLoad load) throws IOException {
        Set<LocalDate> periods = new TreeSet<>();
        LocalDate last = null;
        try (reader) {
            progress.versions.merge(file.manifestFocusVersion() != null ? file.manifestFocusVersion()
                    : FocusVersion.of(reader.columns()), 1, Integer::sum);
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
                    progress.readRows += reader.row();
                    progress.readBytes += reader.bytes();
                    return periods;
                }
                CanonicalRow row = normaliser.normalise(values, reader.row());
                LocalDate period = row.billingPeriod();
                if (!period.equals(last)) {
                    periods.add(period);
                    last = period;
                }
                if (load.write(row, reader.row())) {
                    if (++progress.rows % PROGRESS_EVERY_ROWS == 0) {
                        progress.report();
                        progress.checkDeadline();
                    }
                } else if (!window.contains(period)) {
                    outside++;
                }
            }
        }
    }
}
