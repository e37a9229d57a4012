package com.stategraph.billing.load;

import com.stategraph.billing.format.CanonicalRow;
import com.stategraph.billing.format.FocusColumn;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A load's rows into its periods' tables: {@link RowChunk}s of them, given their dictionary ids on
 * {@link ChunkIds}' thread, then written as binary COPY rows. One period at a time streams into an open
 * COPY while the file is read (the common case: a file holds one period, or its rows sorted by
 * period); the other periods' chunks wait in memory and go in a COPY of their own when there are
 * enough of them. One COPY at a time on the load's connection: {@link #pause} before any other
 * statement.
 */
final class ChunkCopies implements AutoCloseable {
    /** A chunk's arrays: one per FOCUS column, then the columns outside FOCUS as one JSON object. */
    private static final List<String> ARRAY_COLUMNS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(FocusColumn.values()).map(FocusColumn::dbName), java.util.stream.Stream.of("extra")).toList();
    /** Into one load's own table, frozen as written: the table is new in this transaction, so no one else can see it yet. */
    static final String COPY_SQL = "COPY %s (tenant_id, source_id, load_id, billing_period, chunk, row_count, "
            + String.join(", ", ARRAY_COLUMNS) + ") FROM STDIN (FORMAT binary, FREEZE)";
    /** Each row's fields: the chunk's own six, then its arrays. */
    static final int FIELDS = 6 + ARRAY_COLUMNS.size();
    /**
     * A new table does not take its parent's per-column settings. Autovacuum analyzes each new load's
     * table: with statistics it built element statistics of every array, each element of every
     * chunk detoasted and hashed (about 2 CPU-seconds a million rows, beside the next sync), and no
     * query reads them (V46).
     */
    private static final String NO_ARRAY_STATISTICS = ARRAY_COLUMNS.stream()
            .map(c -> " ALTER COLUMN " + c + " SET STATISTICS 0").collect(Collectors.joining(","));
    /**
     * Chunks waiting in memory, all periods together, before they go in COPYs. Few large COPYs: each
     * COPY extends the table by many pages at once, and the ones it leaves empty stay empty.
     */
    private static final int PENDING_BYTES = 32 << 20;
    /** Rows of unfinished chunks, all periods together, before each period's goes in as it is. */
    private static final int BUFFERED_ROWS = 4 * RowChunk.ROWS;
    /** Full chunks whose strings the dictionary thread may be storing while the next rows are read. */
    private static final int IN_FLIGHT = 2;

    private record InFlight(LoadTable table, RowChunk chunk, Future<Void> ids) {
    }

    private final Connection connection;
    private final UUID tenant;
    private final UUID source;
    private final ChunkIds chunkIds;
    private final int flushBytes;
    /** Chunks given to the dictionary thread, in the order they are written. */
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    /** Chunks written, to be filled again. */
    private final ArrayDeque<RowChunk> spare = new ArrayDeque<>();
    /** For errors outside the rows' COPYs. */
    private int bufferedRows;
    private PGCopyOutputStream copy;
    /** The table whose rows go straight into the open COPY; rows of the others wait. */
    private LoadTable streaming;
    /** The streaming table's chunk, as a binary COPY row, on its way into the open COPY. */
    private final CopyBinaryWriter streamRow = new CopyBinaryWriter(1 << 20);

    /** @param periods how many periods the load may write: the memory for waiting chunks is shared among them */
    ChunkCopies(Connection connection, ChunkIds chunkIds, UUID tenant, UUID source, int periods) {
        this.connection = connection;
        this.chunkIds = chunkIds;
        this.tenant = tenant;
        this.source = source;
        this.flushBytes = Math.max(1 << 20, PENDING_BYTES / Math.max(1, periods));
    }

    /** The row into {@code table}'s chunk; {@code all} are every table of the load, whose unfinished chunks go in when rows of many alternate. */
    void add(LoadTable table, CanonicalRow row, String file, long fileRow, Collection<LoadTable> all) {
        if (table.chunk == null) {
            table.chunk = spare.isEmpty() ? new RowChunk() : spare.pop();
        }
        table.chunk.add(row, file, fileRow);
        bufferedRows++;
        if (table.chunk.full()) {
            emit(table);
        } else if (bufferedRows >= BUFFERED_ROWS) {
            all.forEach(this::emit);
        }
    }

    /**
     * Every chunk's JSON values into the dictionary now, the unfinished ones' included: a value the
     * database refuses is then reported with its file and row before the rollups, which hold tags
     * too, meet it.
     */
    void storeJson(Collection<LoadTable> all) {
        writeInFlight(0);
        for (LoadTable t : all) {
            if (t.chunk != null) {
                try {
                    chunkIds.storeJson(t.chunk);
                } catch (SQLException e) {
                    throw dictionaryFailed(e);
                } catch (RowChunk.Refused e) {
                    throw new BillingLoad.LoadException(e.getMessage(), e);
                }
            }
        }
    }

    /** Every row into its table: the unfinished chunks too, and the waiting ones. The connection is free after. */
    void finish(Collection<LoadTable> all) {
        all.forEach(this::emit);
        writeInFlight(0);
        pause();
        all.forEach(this::flush);
    }

    /** Ends the open COPY, if any: the connection is then free for another statement. */
    void pause() {
        if (streaming == null) {
            return;
        }
        try {
            copy.write(CopyBinaryWriter.TRAILER);
            copy.endCopy();
        } catch (IOException | SQLException e) {
            throw new BillingLoad.LoadException(streaming.streamLines.describe(e), e);
        }
        streaming = null;
    }

    /** The table's unfinished chunk to the dictionary thread, then into a COPY line once its strings have ids. */
    private void emit(LoadTable table) {
        RowChunk chunk = table.chunk;
        if (chunk == null || chunk.size() == 0) {
            return;
        }
        bufferedRows -= chunk.size();
        table.chunk = null;
        inFlight.add(new InFlight(table, chunk, chunkIds.resolve(chunk)));
        writeInFlight(IN_FLIGHT);
    }

    /** Writes the chunks given to the dictionary thread, oldest first, until {@code leave} are left. */
    private void writeInFlight(int leave) {
        while (inFlight.size() > leave) {
            InFlight next = inFlight.poll();
            try {
                ChunkIds.await(next.ids());
            } catch (SQLException e) {
                throw dictionaryFailed(e);
            } catch (RowChunk.Refused e) {
                throw new BillingLoad.LoadException(e.getMessage(), e);
            }
            write(next.table(), next.chunk());
            spare.push(next.chunk());
        }
    }

    /** A chunk as one COPY line: into the open COPY when its table streams, else waiting with the table's other chunks. */
    private void write(LoadTable table, RowChunk chunk) {
        if (streaming == null) {
            startStreaming(table);
        }
        boolean streams = table == streaming;
        CopyLines lines = streams ? table.streamLines : table.lines;
        CopyBinaryWriter writer = streams ? streamRow : table.pending;
        lines.chunk(chunk);
        writer.startRow(FIELDS);
        writer.uuidField(tenant);
        writer.uuidField(source);
        writer.uuidField(table.loadId);
        writer.dateField(table.period);
        writer.int4Field(table.chunks++);
        writer.int4Field(chunk.size());
        chunk.writeColumns(writer);
        if (streams) {
            try {
                streamRow.writeTo(copy);
            } catch (IOException e) {
                throw new BillingLoad.LoadException(lines.describe(e), e);
            } finally {
                streamRow.reset();
            }
        }
        if (streams && lines.full()) {
            pause();
        } else if (!streams && (table.pending.size() >= flushBytes || lines.full())) {
            // One COPY at a time on a connection: the streaming one pauses while these chunks go in.
            pause();
            flush(table);
        }
    }

    private BillingLoad.LoadException dictionaryFailed(SQLException e) {
        return new BillingLoad.LoadException("the string dictionary: " + CopyLines.describeOutsideCopy(e), e);
    }

    /** Rows of {@code table} go straight into a COPY of it from now on, with PostgreSQL writing while the next rows are read. */
    private void startStreaming(LoadTable table) {
        try {
            create(table);
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(String.format(COPY_SQL, table.name)), 1 << 16);
            copy.write(CopyBinaryWriter.HEADER);
        } catch (SQLException | IOException e) {
            throw new BillingLoad.LoadException(CopyLines.describeOutsideCopy(e), e);
        }
        streaming = table;
        table.streamLines.newCopy();
    }

    private void create(LoadTable table) throws SQLException {
        if (table.created) {
            return;
        }
        try (java.sql.Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE " + table.name + " (LIKE billing_chunks INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            // Attaching checks this constraint instead of scanning the rows.
            ddl.execute("ALTER TABLE " + table.name + " ADD CONSTRAINT " + table.name + "_load CHECK (load_id = '"
                    + table.loadIdText + "')");
            ddl.execute("ALTER TABLE " + table.name + NO_ARRAY_STATISTICS);
        }
        table.created = true;
    }

    /** The table's waiting rows into it (made with its first rows), in one COPY. */
    private void flush(LoadTable table) {
        if (table.pending.size() == 0) {
            return;
        }
        try {
            create(table);
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(String.format(COPY_SQL, table.name)), 1 << 16);
            copy.write(CopyBinaryWriter.HEADER);
            table.pending.writeTo(copy);
            copy.write(CopyBinaryWriter.TRAILER);
            copy.endCopy();
        } catch (IOException | SQLException e) {
            throw new BillingLoad.LoadException(table.lines.describe(e), e);
        }
        table.pending.reset();
        table.lines.newCopy();
    }

    /** Cancels a COPY left open by a load that failed: the rollback undoes the rest. */
    @Override
    public void close() {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the rollback that follows undoes everything either way
            }
        }
    }
}
