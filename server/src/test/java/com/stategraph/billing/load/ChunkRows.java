package com.stategraph.billing.load;

import com.stategraph.billing.format.CanonicalRow;

/** Rows into a chunk as a load adds them, for tests of the chunk alone: no resource sums are read from it. */
final class ChunkRows {
    private ChunkRows() {
    }

    static void add(RowChunk chunk, CanonicalRow row, String file, long fileRow) {
        chunk.add(row, TagSetMasks.Split.whole(row), 0L, new ExactSum.Addend[] {new ExactSum.Addend(), new ExactSum.Addend(),
                new ExactSum.Addend(), new ExactSum.Addend()}, file, fileRow);
    }
}
