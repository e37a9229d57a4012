package com.stategraph.billing.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-resource month sums all syncs of a process may hold in memory at once, in keys
 * ({@link ResourceSums}; STATEGRAPH_SYNC_RESOURCE_SUM_KEYS, by default what a sixth of the heap
 * holds). A sync takes its share a page of keys at a time; one that cannot get another spills what
 * it holds and gives its share back, so a sync alone may hold them all and two share them.
 */
public final class ResourceSumBudget {
    private final AtomicLong free;

    public ResourceSumBudget(long keys) {
        if (keys < 1) {
            throw new IllegalArgumentException("STATEGRAPH_SYNC_RESOURCE_SUM_KEYS must be at least 1, got " + keys);
        }
        this.free = new AtomicLong(keys);
    }

    /** The operator's figure, or what a sixth of {@code maxHeap} holds. */
    public static ResourceSumBudget of(long configured, long maxHeap) {
        return new ResourceSumBudget(configured > 0 ? configured : Math.max(1, maxHeap / 6 / ResourceSums.BYTES_PER_KEY));
    }

    /** Takes {@code keys} of the budget, or nothing when fewer are free. */
    boolean take(long keys) {
        long now = free.get();
        while (now >= keys) {
            if (free.compareAndSet(now, now - keys)) {
                return true;
            }
            now = free.get();
        }
        return false;
    }

    void give(long keys) {
        free.addAndGet(keys);
    }

    long free() {
        return free.get();
    }
}
