package com.stategraph.billing.load;

import com.stategraph.billing.format.CanonicalRow;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One sync's replacement of a source's rows, in a single transaction. Each billing period's rows
 * go to a table of their own (a new load), attached to {@code billing_chunks} at commit. A billing period of the
 * window is replaced only when the export holds something for it: rows read from its files, or
 * files the export's layout or manifest places in it. Every other period of the window keeps the
 * rows it had. Until commit readers see the old rows; if anything fails, or the process dies, the
 * transaction rolls back and nothing has changed.
 *
 * <p>{@link #write} only queues the row ({@link RowPipeline}); a thread of the load's own sums it
 * into the rollups and puts it in its period's {@link RowChunk}, and is alone on the connection
 * until {@link #commit} has waited for it.
 */
public final class BillingLoad implements AutoCloseable {
    private final Connection connection;
    private final UUID tenantId;
    private final UUID sourceId;
    private final UUID runId;
    private final String tenantText;
    private final String sourceText;
    /** In period order; looked up for every row, so hashed. */
    private final Map<LocalDate, LoadPeriod> window = new java.util.LinkedHashMap<>();
    private final DailyRollup rollup;
    private final RollupWriter rollups;
    private final ResourceSums resourceSums;
    /** A load of fewer rows goes to billing_chunks_small at commit instead of keeping a table of its own. */
    private final int ownTableRows;
    private final ChunkIds chunkIds;
    /** Made in {@link #begin}, once the window is known. */
    private ChunkCopies copies;
    /** The window's periods' new loads, in period order: kept with the window. */
    private List<LoadTable> tables = List.of();
    /** Started last in {@link #begin}, once the window is known. */
    private RowPipeline pipeline;
    /** Months whose resource rollup rows this load removed or wrote: their largest resources are ranked again at commit. */
    private final java.util.Set<LocalDate> touchedMonths = new java.util.TreeSet<>();
    /** The billing periods whose rows the load replaced, once {@link #replacePeriods} did. */
    private Array replaced;
    /** For errors outside the rows' COPYs (the rollups'). */
    private String file;
    private long total;
    private long retiredRows;
    private boolean committed;

    /**
     * What a load did to each billing period of its window.
     *
     * @param rows rows loaded
     * @param kept periods that had rows and that the export holds nothing for: their rows were kept (period, rows)
     * @param nowEmpty periods that had rows and whose files in the export now hold none (period, rows before)
     * @param retiredRows earlier rows deleted
     * @param periodsReplaced periods whose rows the load replaced (none: the source's rows are as they were)
     */
    public record Outcome(long rows, Map<LocalDate, Long> kept, Map<LocalDate, Long> nowEmpty, long retiredRows,
                          int periodsReplaced) {
    }

    /**
     * @param rollupFlushKeys distinct rollup keys held in memory before the sums so far are written
     * @param ownTableRows a period's new load of fewer rows shares billing_chunks_small instead of keeping a table of its own
     * @param ownRollupRows a period of at least this many rows in a per-resource or per-tag rollup is a set of its own ({@link RollupSets})
     * @param summedTagValues distinct values of a tag key in a period that are summed per value; past them the key is not ({@link UnsummedTagKeys})
     * @param resourceSums the per-resource month sums the process's syncs may hold in memory before they spill them ({@link ResourceSums})
     */
    public record Settings(int rollupFlushKeys, int ownTableRows, int ownRollupRows, int summedTagValues, ResourceSumBudget resourceSums) {
    }

    private BillingLoad(Connection connection, DataSource dataSource, UUID tenantId, UUID sourceId, UUID runId,
                        String fallbackProvider, Settings settings) {
        this.connection = connection;
        this.chunkIds = new ChunkIds(new StringDictionary(dataSource, tenantId), "billing-load-ids-" + sourceId);
        this.tenantId = tenantId;
        this.sourceId = sourceId;
        this.runId = runId;
        this.tenantText = tenantId.toString();
        this.sourceText = sourceId.toString();
        this.rollup = new DailyRollup(fallbackProvider, settings.rollupFlushKeys(), settings.summedTagValues());
        this.rollups = new RollupWriter(connection, rollup, tenantText, sourceText, settings.ownRollupRows());
        this.resourceSums = new ResourceSums(rollup.resourceDimensions(), settings.resourceSums());
        this.ownTableRows = settings.ownTableRows();
    }

    /**
     * Starts a load of the billing periods of {@code periods}. Waits for any other load of the same
     * source, so two replicas can never interleave two syncs of one source.
     *
     * @param fallbackProvider provider name for rows that name none
     */
    public static BillingLoad begin(DataSource dataSource, UUID tenantId, UUID sourceId, String fallbackProvider,
                                    UUID runId, Collection<LocalDate> periods, Settings settings) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            BillingLoad load = new BillingLoad(c, dataSource, tenantId, sourceId, runId, fallbackProvider, settings);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "billing-load:" + sourceId);
                lock.execute();
            }
            Map<LocalDate, Long> previous = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT billing_period, row_count FROM billing_loads"
                    + " WHERE tenant_id = ? AND source_id = ? AND state = 'current' AND billing_period = ANY (?)")) {
                q.setObject(1, tenantId);
                q.setObject(2, sourceId);
                q.setArray(3, dates(c, periods));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        previous.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                    }
                }
            }
            periods.stream().sorted().distinct()
                    .forEach(p -> load.window.put(p, new LoadPeriod(p, previous.getOrDefault(p, 0L))));
            load.tables = load.window.values().stream().map(p -> p.table).toList();
            load.copies = new ChunkCopies(c, load.chunkIds, load.resourceSums, load.tenantId, load.sourceId, load.window.size());
            load.pipeline = new RowPipeline(load::writeNow, "billing-load-" + sourceId);
            return load;
        } catch (SQLException | RuntimeException e) {
            rollbackAndClose(c);
            throw e;
        }
    }

    /** The export holds a data file of {@code period} (by its layout or manifest), even if it turns out to hold no rows. */
    public void expectPeriod(LocalDate period) {
        LoadPeriod p = window.get(period);
        if (p != null) {
            p.inExport = true;
        }
    }

    /**
     * The window's periods that will be replaced at commit so far: those rows were written to, or
     * that the export places a file in. Only between files: the load's thread may still be writing.
     */
    public java.util.Set<LocalDate> periodsInExport() {
        pipeline.drain();
        java.util.Set<LocalDate> in = new java.util.TreeSet<>();
        window.values().stream().filter(p -> p.inExport).forEach(p -> in.add(p.start));
        return in;
    }

    /**
     * These periods keep their current load untouched, as if outside the window: rows of them are
     * not written and they are not reported. Only for periods no row was written to yet.
     */
    public void keep(java.util.Set<LocalDate> periods) {
        pipeline.drain();
        for (LocalDate p : periods) {
            LoadPeriod period = window.get(p);
            if (period != null && period.inExport) {
                throw new IllegalStateException("billing period " + p + " has rows in this load already; it cannot be kept");
            }
            window.remove(p);
        }
        tables = window.values().stream().map(p -> p.table).toList();
    }

    /** The rows that follow come from {@code uri}; a database error on them will name it. */
    public void startFile(String uri) {
        file = uri;
    }

    /**
     * @param fileRow the row's number in its file, for error messages
     * @return false when the row's billing period is outside the window, so it is not loaded
     */
    public boolean write(CanonicalRow row, long fileRow) {
        if (!window.containsKey(row.billingPeriod())) {
            return false;
        }
        pipeline.add(row, file, fileRow);
        return true;
    }

    /** On the load's own thread: the row into its period's chunk and into the rollups. */
    private void writeNow(CanonicalRow row, String rowFile, long fileRow) {
        LoadPeriod period = window.get(row.billingPeriod());
        TagSetMasks.Split tags = rollup.splitTags(row);
        long resourceKey = rollup.add(row, tags.set());
        copies.add(period.table, row, tags, resourceKey, rollup.costs(), rowFile, fileRow, tables);
        total++;
        period.rows++;
        period.inExport = true;
        period.charged(row.chargeStart());
        if (rollup.tagMasks().maskedSetsDue()) {
            storeMaskedSets();
        }
        if (rollup.full() || resourceSums.full()) {
            // The rows' JSON first: a value the database refuses is then reported with its file and row.
            copies.storeJson(tables);
            storeMaskedSets();
            copies.pause();
            try {
                if (rollup.full()) {
                    rollups.flush(false);
                }
                if (resourceSums.full()) {
                    resourceSums.spill(connection);
                }
            } catch (SQLException | IOException e) {
                throw new LoadException(CopyLines.describeOutsideCopy(e), e);
            }
        }
    }

    /** The tag sets the rollups keep masked ({@link UnsummedTagKeys}) into the dictionary, before a flush names them by digest. */
    private void storeMaskedSets() {
        chunkIds.storeJsonValues(rollup.tagMasks().takeMaskedSets());
    }

    /**
     * Retires the earlier load of each period the export now holds, and replaces those periods'
     * rollups. An earlier load's own table stays until this transaction commits (readers before it
     * see it, readers after it do not), then {@link BillingPartitions#dropRetired} drops it; an
     * earlier small load's chunks are deleted now, and readers before the commit still see them.
     */
    private void replacePeriods() throws SQLException, IOException {
        List<LocalDate> due = window.values().stream().filter(p -> p.inExport).map(p -> p.start).toList();
        if (due.isEmpty()) {
            return;
        }
        Array periods = dates(connection, due);
        replaced = periods;
        List<UUID> earlier = new java.util.ArrayList<>();
        try (PreparedStatement old = connection.prepareStatement("DELETE FROM billing_loads WHERE tenant_id = ? AND source_id = ?"
                + " AND billing_period = ANY (?) RETURNING id, row_count")) {
            old.setObject(1, tenantId);
            old.setObject(2, sourceId);
            old.setArray(3, periods);
            try (ResultSet rs = old.executeQuery()) {
                while (rs.next()) {
                    earlier.add(rs.getObject(1, UUID.class));
                    retiredRows += rs.getLong(2);
                }
            }
        }
        if (!earlier.isEmpty()) {
            try (PreparedStatement del = connection.prepareStatement("DELETE FROM billing_chunks_small WHERE tenant_id = ?"
                    + " AND load_id = ANY (?)")) {
                del.setObject(1, tenantId);
                del.setArray(2, connection.createArrayOf("uuid", earlier.toArray()));
                del.executeUpdate();
            }
        }
        touchedMonths.addAll(MonthTopResources.monthsOf(connection, tenantId, sourceId, periods));
        rollups.replace(tenantId, sourceId, periods);
        resourceSums.replace(connection, tenantId, sourceId, periods);
    }

    /**
     * For the rest of the load's transaction: the rollups' sums of every flush are summed per key at
     * commit, hundreds of thousands of staged rows. With PostgreSQL's default 4 MB that sum sorted on
     * disk (about 5 s for 700,000 rows of cost_daily's keys on this machine, 2.4 s with 64 MB).
     */
    private static final String COMMIT_WORK_MEM = "SET LOCAL work_mem = '64MB'";

    /** Work done in the load's transaction just before it commits. */
    @FunctionalInterface
    public interface InTransaction {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Makes the new rows current for every period the export held, at once; the other periods keep theirs.
     *
     * @param alsoCommit written in the same transaction, so it holds exactly when the rows do
     */
    public Outcome commit(InTransaction alsoCommit) throws SQLException {
        pipeline.finish();
        copies.finish(tables);
        try {
            try (java.sql.Statement st = connection.createStatement()) {
                st.execute(COMMIT_WORK_MEM);
            }
            storeMaskedSets();
            replacePeriods();
        } catch (IOException | SQLException e) {
            throw new LoadException(CopyLines.describeOutsideCopy(e), e);
        }
        touchNewMonths();
        Map<LocalDate, Long> kept = new TreeMap<>();
        Map<LocalDate, Long> nowEmpty = new TreeMap<>();
        LoadPeriod.record(connection, tenantId, sourceId, runId, window.values(), rollup.tagMasks().unsummed(), kept, nowEmpty);
        try (java.sql.Statement ddl = connection.createStatement()) {
            for (LoadPeriod p : window.values()) {
                if (p.table.created && p.rows < ownTableRows) {
                    ddl.execute("INSERT INTO billing_chunks_small SELECT * FROM " + p.table.name);
                    ddl.execute("DROP TABLE " + p.table.name);
                } else if (p.table.created) {
                    // Takes SHARE UPDATE EXCLUSIVE on billing_chunks: readers go on; the constraint spares a scan.
                    ddl.execute("ALTER TABLE billing_chunks ATTACH PARTITION " + p.table.name + " FOR VALUES IN ('"
                            + p.table.loadIdText + "')");
                }
            }
        }
        // Last: it waits for any other sync of the tenant doing the same to commit.
        MonthTopResources.rebuild(connection, tenantId, touchedMonths,
                replaced == null ? null : new MonthTopResources.LoadCandidates(resourceSums.monthTop(), sourceId, replaced));
        alsoCommit.run(connection);
        connection.commit();
        committed = true;
        int replaced = (int) window.values().stream().filter(p -> p.inExport).count();
        return new Outcome(total, kept, nowEmpty, retiredRows, replaced);
    }

    /** The months of the new loads' resource rollup: their largest resources are ranked again at commit. */
    private void touchNewMonths() throws SQLException {
        List<LocalDate> created = window.values().stream().filter(p -> p.table.created).map(p -> p.start).toList();
        if (!created.isEmpty()) {
            touchedMonths.addAll(MonthTopResources.monthsOf(connection, tenantId, sourceId, dates(connection, created)));
        }
    }

    /** The database refused what a sync sent it; the message names the file, row and column where it can. */
    public static final class LoadException extends RuntimeException {
        LoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Array dates(Connection c, Collection<LocalDate> periods) throws SQLException {
        return c.createArrayOf("date", periods.stream().map(java.sql.Date::valueOf).toArray());
    }

    @Override
    public void close() {
        if (pipeline != null && !pipeline.stop(java.time.Duration.ofSeconds(10))) {
            // The writer is stuck on the connection: cut it rather than share it; PostgreSQL rolls back.
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // nothing was committed; the connection is gone either way
            }
        }
        if (copies != null) {
            copies.close();
        }
        chunkIds.close();
        resourceSums.forget();
        if (!committed) {
            rollbackAndClose(connection);
        } else {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // committed; nothing left to lose
            }
        }
    }

    private static void rollbackAndClose(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection may already be gone; PostgreSQL rolls back on disconnect
        }
        try {
            c.setAutoCommit(true);
            c.close();
        } catch (SQLException ignored) {
            // as above
        }
    }
}
