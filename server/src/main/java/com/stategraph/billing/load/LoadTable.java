package com.stategraph.billing.load;

import com.stategraph.billing.format.FocusColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A billing period's new load: its id, its own table (made like {@code billing_chunks}, with the
 * per-column settings a new table does not inherit), and its rows on their way there as chunks
 * ({@link ChunkCopies}).
 */
final class LoadTable {
    /**
     * A chunk's arrays: one per FOCUS column, then the columns outside FOCUS as one JSON object, then the
     * values the tags' set masks as JSON text ({@link TagSetMasks}, V48).
     */
    static final List<String> ARRAY_COLUMNS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(FocusColumn.values()).map(FocusColumn::dbName), java.util.stream.Stream.of("extra", "tags_rest")).toList();
    /**
     * A new table does not take its parent's per-column settings. Autovacuum analyzes each new load's
     * table: with statistics it built element statistics of every array, each element of every
     * chunk detoasted and hashed (about 2 CPU-seconds a million rows, beside the next sync), and no
     * query reads them (V46).
     */
    private static final String NO_ARRAY_STATISTICS = ARRAY_COLUMNS.stream()
            .map(c -> " ALTER COLUMN " + c + " SET STATISTICS 0").collect(Collectors.joining(","));
    /**
     * Arrays stored as they are, out of line, without pglz: the ResourceIds' dictionary ids (distinct,
     * in no order) took pglz 50 ms per 667,000 lines for nothing. The four costs were stored so too
     * (190 ms each for 1.6x, about 5 bytes a line) until they were 48 of a high-cardinality export's 90
     * bytes a line in its chunks; compressed again, neither bench export's sync was slower within this
     * machine's spread (docs/benchmarks.md). Low-cardinality columns compress 3 to 80x.
     */
    static final List<String> UNCOMPRESSED = List.of("resource_id");
    private static final String STORED_UNCOMPRESSED = UNCOMPRESSED.stream()
            .map(c -> ", ALTER COLUMN " + c + " SET STORAGE EXTERNAL").collect(Collectors.joining());

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

    /** Makes the table, before its first COPY, on the connection that COPYs into it. */
    void create(Connection connection) throws SQLException {
        if (created) {
            return;
        }
        try (java.sql.Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE " + name + " (LIKE billing_chunks INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            // Attaching checks this constraint instead of scanning the rows.
            ddl.execute("ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_load CHECK (load_id = '" + loadIdText + "')");
            ddl.execute("ALTER TABLE " + name + NO_ARRAY_STATISTICS + STORED_UNCOMPRESSED);
        }
        created = true;
    }
}
