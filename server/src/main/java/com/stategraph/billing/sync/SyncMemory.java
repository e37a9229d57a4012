package com.stategraph.billing.sync;

import com.stategraph.billing.format.FormatException;
import com.stategraph.billing.format.ReadLimits;
import com.stategraph.billing.format.RowGroupMemory;
import java.util.concurrent.Semaphore;

/**
 * The heap all syncs of this server may hold in Parquet row groups at once (STATEGRAPH_SYNC_MEMORY,
 * by default 40% of the maximum heap). A row group waits until its share is free, so two syncs
 * never together read more than that; one that needs more than all of it is refused, naming the file.
 * The rest of the heap stays for the API, the health check and each sync's rollup sums.
 */
public final class SyncMemory implements RowGroupMemory {
    private static final int KIB = 1024;
    private final long bytes;
    private final Semaphore kib;

    public SyncMemory(long bytes) {
        if (bytes < KIB) {
            throw new IllegalArgumentException("STATEGRAPH_SYNC_MEMORY must be at least 1KB, got " + bytes + " bytes");
        }
        this.bytes = bytes;
        this.kib = new Semaphore(permits(bytes));
    }

    /** The operator's figure, or 40% of the heap this JVM may grow to. */
    public static SyncMemory of(long configured, Runtime runtime) {
        return new SyncMemory(configured > 0 ? configured : runtime.maxMemory() / 5 * 2);
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public void acquire(long needed, String uri, int rowGroup) throws InterruptedException {
        if (needed > bytes) {
            throw new FormatException(uri, "row group " + rowGroup + " needs about " + ReadLimits.size(needed) + " of memory"
                    + " to read (its compressed and uncompressed size); this server gives all syncs together "
                    + ReadLimits.size(bytes) + " (STATEGRAPH_SYNC_MEMORY, by default 40% of the heap): export smaller"
                    + " row groups, or raise the heap");
        }
        kib.acquire(permits(needed));
    }

    @Override
    public void release(long needed) {
        kib.release(permits(needed));
    }

    public long free() {
        return (long) kib.availablePermits() * KIB;
    }

    private static int permits(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + KIB - 1) / KIB);
    }
}
