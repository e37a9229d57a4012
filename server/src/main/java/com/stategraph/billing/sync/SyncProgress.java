package com.stategraph.billing.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Files and rows done so far, written to the run as the sync goes so `sync --wait` can show them. */
final class SyncProgress {
    private final SyncRunRepository runs;
    private final UUID runId;
    private final Clock clock;
    private final Instant deadline;
    private final Duration timeout;
    final Map<String, Integer> versions = new TreeMap<>();
    /** Periods kept because none of their files changed. */
    final List<SyncRun.UnchangedPeriod> unchanged = new ArrayList<>();
    int files;
    long bytes;
    long rows;
    long readRows;
    long readBytes;
    /** Whether the load replaced any period: when not, nothing computed from the rows needs doing again. */
    boolean changed;

    SyncProgress(SyncRunRepository runs, UUID runId, Clock clock, Instant deadline, Duration timeout) {
        this.runs = runs;
        this.runId = runId;
        this.clock = clock;
        this.deadline = deadline;
        this.timeout = timeout;
    }

    /** A sync may run for {@code STATEGRAPH_SYNC_TIMEOUT} at most; past it, it stops and changes nothing. */
    void checkDeadline() {
        if (clock.instant().isAfter(deadline)) {
            throw new SyncTimeoutException("the sync ran longer than " + timeout.toString().substring(2).toLowerCase()
                    + " (STATEGRAPH_SYNC_TIMEOUT) and was stopped after " + files + " files and " + rows
                    + " rows; nothing was changed");
        }
    }

    void fileDone(long size) {
        files++;
        bytes += size;
        report();
    }

    /** The file a sync failed on, and what of it was read; the run's end records them if the database cannot now. */
    void fileFailed(long bytesRead) {
        files++;
        bytes += bytesRead;
        try {
            report();
        } catch (RuntimeException e) {
            // the database failed the sync: the failure to tell is the one the sync already has
        }
    }

    void report() {
        runs.progress(runId, files, bytes, rows);
    }

    /** Rows the unchanged periods kept. */
    long unchangedRows() {
        return unchanged.stream().mapToLong(SyncRun.UnchangedPeriod::rows).sum();
    }
}
