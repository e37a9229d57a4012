package com.stategraph.billing.load;

import java.math.BigDecimal;

/**
 * A chunk's lines as {@link ResourceSums} adds them once the chunk's ResourceIds have their ids:
 * each line's key without its resource ({@link ResourceDimensions#key}) and its four costs. The
 * rollup reads a line when it arrives; its resource's id is known only a chunk or two later
 * ({@link ChunkIds}).
 */
final class ResourceLines {
    static final int METRICS = 4;

    final long[] keys = new long[RowChunk.ROWS];
    /** Per line, its four costs: as an unscaled long and scale, or (beyond 18 digits) in {@link #big}. */
    final long[] unscaled = new long[METRICS * RowChunk.ROWS];
    final int[] scales = new int[METRICS * RowChunk.ROWS];
    final BigDecimal[] big = new BigDecimal[METRICS * RowChunk.ROWS];
    private boolean anyBig;

    void set(int line, long key, ExactSum.Addend[] costs) {
        keys[line] = key;
        int at = line * METRICS;
        for (int m = 0; m < METRICS; m++) {
            ExactSum.Addend a = costs[m];
            if (a.compact) {
                unscaled[at + m] = a.unscaled;
                scales[at + m] = a.scale;
            } else {
                big[at + m] = a.value();
                anyBig = true;
            }
        }
    }

    /** Line {@code line}'s cost {@code m} when it is not compact, else null. */
    BigDecimal big(int line, int m) {
        return anyBig ? big[line * METRICS + m] : null;
    }

    /** Forgets the lines' large costs once the chunk is written. */
    void clear(int lines) {
        if (anyBig) {
            java.util.Arrays.fill(big, 0, lines * METRICS, null);
            anyBig = false;
        }
    }
}
