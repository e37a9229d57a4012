package com.stategraph.billing.load;

import java.time.LocalDate;
import java.util.UUID;

/** A billing period's new load: its id, its own table, and its rows on their way there as chunks ({@link ChunkCopies}). */
final class LoadTable {
    final UUID loadId = UUID.randomUUID();
    final String loadIdText = loadId.toString();
    final LocalDate period;
    final String name = BillingPartitions.LOADS.tableOf(loadId);
    /** Whether the table exists (made with the period's first rows). */
    boolean created;
    /** Rows not yet in a chunk line; made with the period's first row. */
    RowChunk chunk;
    /** Chunk lines written so far, each numbered. */
    int chunks;
    /**
     * Chunks waiting to be handed to the COPYs together, as binary COPY rows, while another period's
     * go one by one: rows of several periods may alternate in one file.
     */
    CopyBinaryWriter pending = new CopyBinaryWriter(1 << 16);
    /** Where the waiting rows came from. */
    CopyLines lines = new CopyLines();

    LoadTable(LocalDate period) {
        this.period = period;
    }
}
