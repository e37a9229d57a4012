package com.stategraph.billing.db;

/**
 * Why the embedded PostgreSQL is not running, while it is not: what a sync that lost its connection
 * says, and what the log says once. One embedded database per process, so one state.
 */
public final class DatabaseOutage {
    /** What a sync that failed on a full disk says, whichever way PostgreSQL told it. */
    public static final String DISK_FULL = "the database's disk is full: no rows were changed; free space and sync again";

    private static volatile boolean diskFull;
    /** When a full disk last stopped the embedded database; kept after it runs again, for the syncs it cut short. */
    private static volatile java.time.Instant lastDiskFull;

    private DatabaseOutage() {
    }

    /** Whether the embedded database stopped on a full disk and has not been started again yet. */
    public static boolean diskFull() {
        return diskFull;
    }

    /** Whether a full disk stopped the embedded database at {@code since} or later. */
    public static boolean diskFullSince(java.time.Instant since) {
        java.time.Instant last = lastDiskFull;
        return last != null && !last.isBefore(since);
    }

    static void diskFull(boolean full) {
        diskFull = full;
        if (full) {
            lastDiskFull = java.time.Instant.now();
        }
    }
}
