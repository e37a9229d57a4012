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
    /** Chunks waiting for their COPY, as binary COPY rows: rows of several periods may alternate in one file. */
    final CopyBinaryWriter pending = new CopyBinaryWriter(1 << 16);
    /** Where the waiting rows came from. */
    final CopyLines lines = new CopyLines();
    /** Where the rows of the open COPY came from, while this period streams. */
    final CopyLines streamLines = new CopyLines();

    LoadTable(LocalDate period) {
        this.period = period;
    }
}
