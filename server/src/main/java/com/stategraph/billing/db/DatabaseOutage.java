package com.stategraph.billing.db;

import java.time.Instant;

/**
 * When a full disk last stopped the embedded PostgreSQL: a sync that lost its database since then
 * says the disk is full. One embedded database per process, so one state.
 */
public final class DatabaseOutage {
    /** What a sync that failed on a full disk says, whichever way PostgreSQL told it. */
    public static final String DISK_FULL = "the database's disk is full: no rows were changed; free space and sync again";

    /** Kept after the database runs again, for the syncs the stop cut short. */
    private static volatile Instant lastDiskFull;

    private DatabaseOutage() {
    }

    /** Whether a full disk stopped the embedded database at {@code since} or later. */
    public static boolean diskFullSince(Instant since) {
        Instant last = lastDiskFull;
        return last != null && !last.isBefore(since);
    }

    static void stoppedOnFullDisk() {
        lastDiskFull = Instant.now();
    }
}
