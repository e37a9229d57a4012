package com.stategraph.billing.format;

/**
 * The heap a Parquet reader may take for the row group it holds. parquet-java reads a whole row
 * group's column chunks before the first row of it, so that, not the row, is what must be bounded.
 */
public interface RowGroupMemory {
    RowGroupMemory UNLIMITED = new RowGroupMemory() {
        @Override
        public void acquire(long bytes, String uri, int rowGroup) {
        }

        @Override
        public void release(long bytes) {
        }
    };

    /**
     * Waits until {@code bytes} are free for this reader.
     *
     * @throws FormatException when the row group needs more than all syncs together may hold
     */
    void acquire(long bytes, String uri, int rowGroup) throws InterruptedException;

    void release(long bytes);
}
