package com.stategraph.billing.load;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** A billing period's new load: its id, its own table, and its rows on their way there as chunks ({@link ChunkCopies}). */
final class LoadTable {
    final UUID loadId = UUID.randomUUID();
    final String loadIdText = loadId.toString();
    final String name = BillingPartitions.LOADS.tableOf(loadId);
    final String periodText;
    /** Whether the table exists (made with the period's first rows). */
    boolean created;
    /** Rows not yet in a chunk line; made with the period's first row. */
    RowChunk chunk;
    /** Chunk lines written so far, each numbered. */
    int chunks;
    /** Chunks waiting for their COPY, as COPY text: rows of several periods may alternate in one file. */
    final ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 16);
    final Writer pendingText = new OutputStreamWriter(pending, StandardCharsets.UTF_8);
    final CopyTextWriter writer = new CopyTextWriter(pendingText);
    /** Where the waiting rows came from. */
    final CopyLines lines = new CopyLines();
    /** Where the rows of the open COPY came from, while this period streams. */
    final CopyLines streamLines = new CopyLines();

    LoadTable(LocalDate period) {
        this.periodText = period.toString();
    }
}
