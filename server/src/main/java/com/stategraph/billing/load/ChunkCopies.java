package com.stategraph.billing.load;

import com.stategraph.billing.format.CanonicalRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * A load's rows into its periods' tables: {@link RowChunk}s of them, given their dictionary ids on
 * {@link ChunkIds}' thread, then encoded as binary COPY rows and handed to {@link CopyFeeder}'s
 * thread, which writes them while the next rows are read. One period at a time goes chunk by chunk
 * (the common case: a file holds one period, or its rows sorted by period); the other periods'
 * chunks wait in memory and go together when there are enough of them. One COPY at a time on the
 * load's connection: {@link #pause} before any other statement.
 */
final class ChunkCopies implements AutoCloseable {
    /** Into one load's own table, frozen as written: the table is new in this transaction, so no one else can see it yet. */
    static final String COPY_SQL = "COPY %s (tenant_id, source_id, load_id, billing_period, chunk, row_count, "
            + String.join(", ", LoadTable.ARRAY_COLUMNS) + ") FROM STDIN (FORMAT binary, FREEZE)";
    /** Each row's fields: the chunk's own six, then its arrays. */
    static final int FIELDS = 6 + LoadTable.ARRAY_COLUMNS.size();
    /**
     * Chunks waiting in memory, all periods together, before they go in COPYs. Few large COPYs: each
     * COPY extends the table by many pages at once, and the ones it leaves empty stay empty. As much
     * again may be on its way to the database ({@link CopyFeeder}).
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
    private final ResourceSums resourceSums;
    private final int flushBytes;
    /** Chunks given to the dictionary thread, in the order they are written. */
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    /** Chunks written, to be filled again. */
    private final ArrayDeque<RowChunk> spare = new ArrayDeque<>();
    /** For errors outside the rows' COPYs. */
    private int bufferedRows;
    private final CopyFeeder feeder;
    /** The table whose chunks go to the COPYs one by one; those of the others wait. */
    private LoadTable streaming;

    /** @param periods how many periods the load may write: the memory for waiting chunks is shared among them */
    /** @param resourceSums what each chunk's lines are added to once their ResourceIds have ids */
    ChunkCopies(Connection connection, ChunkIds chunkIds, ResourceSums resourceSums, UUID tenant, UUID source, int periods) {
        this.connection = connection;
        this.chunkIds = chunkIds;
        this.resourceSums = resourceSums;
        this.tenant = tenant;
        this.source = source;
        this.flushBytes = Math.max(1 << 20, PENDING_BYTES / Math.max(1, periods));
        this.feeder = new CopyFeeder(connection, PENDING_BYTES, "billing-load-copy-" + source);
    }

    /**
     * The row into {@code table}'s chunk; {@code all} are every table of the load, whose unfinished chunks go in when rows of many alternate.
     *
     * @param tags the row's tags as the load keeps them, a masked set and the rest ({@link TagSetMasks})
     * @param resourceKey the key of the row's resource's month sums without the resource, and {@code costs} its costs ({@link DailyRollup#add})
     */
    void add(LoadTable table, CanonicalRow row, TagSetMasks.Split tags, long resourceKey, ExactSum.Addend[] costs, String file,
             long fileRow, Collection<LoadTable> all) {
        if (table.chunk == null) {
            table.chunk = spare.isEmpty() ? new RowChunk() : spare.pop();
        }
        table.chunk.add(row, tags, resourceKey, costs, file, fileRow);
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
        all.forEach(this::flush);
        pause();
    }

    /** Waits until every row handed over is stored and the COPY ended: the connection is then free for another statement. */
    void pause() {
        feeder.pause();
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

    /** A chunk as one COPY line: to the COPYs now when its table goes chunk by chunk, else waiting with the table's other chunks. */
    private void write(LoadTable table, RowChunk chunk) {
        resourceSums.add(chunk);
        if (streaming == null) {
            streaming = table;
        }
        if (table == streaming) {
            CopyBinaryWriter rows = feeder.writer();
            CopyLines lines = new CopyLines();
            encode(table, chunk, rows, lines);
            feeder.send(table, rows, lines);
        } else {
            encode(table, chunk, table.pending, table.lines);
            if (table.pending.size() >= flushBytes || table.lines.full()) {
                flush(table);
            }
        }
    }

    private void encode(LoadTable table, RowChunk chunk, CopyBinaryWriter writer, CopyLines lines) {
        lines.chunk(chunk);
        writer.startRow(FIELDS);
        writer.uuidField(tenant);
        writer.uuidField(source);
        writer.uuidField(table.loadId);
        writer.dateField(table.period);
        writer.int4Field(table.chunks++);
        writer.int4Field(chunk.size());
        chunk.writeColumns(writer);
    }

    private BillingLoad.LoadException dictionaryFailed(SQLException e) {
        return new BillingLoad.LoadException("the string dictionary: " + CopyLines.describeOutsideCopy(e), e);
    }

    /** The table's waiting chunks to the COPYs, in one piece. */
    private void flush(LoadTable table) {
        if (table.pending.size() == 0) {
            return;
        }
        feeder.send(table, table.pending, table.lines);
        table.pending = new CopyBinaryWriter(1 << 16);
        table.lines = new CopyLines();
    }

    /**
     * Stops the COPYs' thread; a COPY left open is cancelled (the rollback that follows undoes the
     * rest). A thread stuck writing to the database cuts the connection: it cannot be shared.
     */
    @Override
    public void close() {
        if (!feeder.stop(java.time.Duration.ofSeconds(10))) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // nothing was committed; the connection is gone either way
            }
        }
    }
}
