package com.stategraph.billing.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The per-resource month sums, kept in blocks (V50): a row of {@code cost_resource_blocks} per source,
 * billing period, month and block of 128 dictionary ids ({@link #SHIFT}), its entries parallel arrays sorted
 * by resource and then dimensions, which are a row of {@code cost_resource_dims}. A load's blocks
 * ({@link ResourceSums}, in {@link #NEXT}) replace those of its periods; a block whose entries did not
 * change is not written again, so a re-sync of the same sums writes nothing.
 */
public final class ResourceBlocks {
    /** log2 of the ids per block: 128, so that a state's thousand resources read a few hundred small blocks, not most of the month. */
    public static final int SHIFT = 7;
    static final String TABLE = "cost_resource_blocks";
    /** The load's blocks, as {@link #TABLE} without its tenant and source. */
    static final String NEXT = "rollup_next_resource_blocks";
    static final String ARRAYS = "resource_keys, dims, billed_cost, effective_cost, list_cost, contracted_cost, row_counts";
    /** The load's combinations of dimensions by their index in {@link ResourceDimensions}, with their text. */
    private static final String COMBINATIONS = "rollup_next_resource_combinations";
    /** Each combination's index in {@link ResourceDimensions} and its id in {@code cost_resource_dims}. */
    static final String COMBINATION_IDS = "rollup_next_resource_combination_ids";

    private ResourceBlocks() {
    }

    /**
     * Each of the load's combinations of dimensions' id in {@code cost_resource_dims}, by its index;
     * those new to the tenant are added. Also left in {@link #COMBINATION_IDS} for the rest of the transaction.
     */
    static int[] dimensionIds(Connection c, UUID tenantId, ResourceDimensions dimensions) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE " + COMBINATIONS + " (combination integer, provider text, host_provider text,"
                    + " publisher text, invoice_issuer text, service_name text, sub_account_id text, region_id text, resource_type text,"
                    + " charge_category text, billing_currency text) ON COMMIT DROP");
        }
        PGCopyOutputStream out = new PGCopyOutputStream(c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + COMBINATIONS + " FROM STDIN"), 1 << 16);
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        dimensions.write(new CopyTextWriter(w));
        w.flush();
        out.endCopy();
        // The text a combination is found by (V50 wrote the same); in the order of the unique key, so that two syncs of
        // the tenant adding the same combinations wait, never deadlock.
        String key = "(k." + ResourceDimensions.COLUMNS.replace(", ", ", k.") + ")::text";
        RollupDiff.update(c, "INSERT INTO cost_resource_dims (tenant_id, key, " + ResourceDimensions.COLUMNS + ") SELECT ?, " + key
                + ", " + ResourceDimensions.COLUMNS + " FROM " + COMBINATIONS + " k WHERE NOT EXISTS (SELECT 1 FROM cost_resource_dims d"
                + " WHERE d.tenant_id = ? AND d.key = " + key + ") ORDER BY 2 ON CONFLICT (tenant_id, key) DO NOTHING", tenantId, tenantId);
        RollupDiff.update(c, "CREATE TEMPORARY TABLE " + COMBINATION_IDS + " ON COMMIT DROP AS SELECT k.combination, d.id FROM "
                + COMBINATIONS + " k JOIN cost_resource_dims d ON d.tenant_id = ? AND d.key = " + key, tenantId);
        int[] ids = new int[dimensions.combinations()];
        java.util.Arrays.fill(ids, -1);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT combination, id FROM " + COMBINATION_IDS)) {
            while (rs.next()) {
                ids[rs.getInt(1)] = rs.getInt(2);
            }
            st.execute("DROP TABLE " + COMBINATIONS);
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw new SQLException("a combination of a resource's dimensions of the load (" + i + ") has no row in cost_resource_dims");
            }
        }
        return ids;
    }

    /** Creates {@link #NEXT}, empty. */
    static void createNext(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE " + NEXT + " (billing_period date, month date, block integer, resource_keys integer[],"
                    + " dims integer[], billed_cost numeric[], effective_cost numeric[], list_cost numeric[], contracted_cost numeric[],"
                    + " row_counts bigint[]) ON COMMIT DROP");
        }
    }

    /** Whether the source has no blocks of {@code periods}: a load's blocks can then go straight into {@link #TABLE}. */
    static boolean noneStored(Connection c, UUID tenantId, UUID sourceId, Array periods) throws SQLException {
        return RollupDiff.text(c, "SELECT 'stored' FROM " + TABLE + " WHERE tenant_id = ? AND source_id = ? AND billing_period = ANY (?)"
                + " LIMIT 1", tenantId, sourceId, periods) == null;
    }

    /** Makes the source's blocks of {@code periods} those of {@link #NEXT}, then drops it. Periods without blocks there lose theirs. */
    static void apply(Connection c, UUID tenantId, UUID sourceId, Array periods) throws SQLException {
        // A sum written with other digits (1.5 for 1.50) is a change: the arrays are compared as text.
        RollupDiff.update(c, "DELETE FROM " + TABLE + " b WHERE b.tenant_id = ? AND b.source_id = ? AND b.billing_period = ANY (?)"
                + " AND NOT EXISTS (SELECT 1 FROM " + NEXT + " n WHERE n.billing_period = b.billing_period AND n.month = b.month"
                + " AND n.block = b.block AND n.resource_keys = b.resource_keys AND n.dims = b.dims AND n.row_counts = b.row_counts"
                + " AND n.billed_cost::text = b.billed_cost::text AND n.effective_cost::text = b.effective_cost::text"
                + " AND n.list_cost::text = b.list_cost::text AND n.contracted_cost::text = b.contracted_cost::text)",
                tenantId, sourceId, periods);
        long inserted = RollupDiff.update(c, "INSERT INTO " + TABLE + " (tenant_id, source_id, billing_period, month, block, " + ARRAYS + ")"
                + " SELECT ?, ?, n.billing_period, n.month, n.block, " + ARRAYS.replaceAll("(\\w+)", "n.$1") + " FROM " + NEXT + " n"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " b WHERE b.tenant_id = ? AND b.source_id = ?"
                + " AND b.billing_period = n.billing_period AND b.month = n.month AND b.block = n.block)",
                tenantId, sourceId, tenantId, sourceId);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE " + NEXT);
        }
        analyzeIfMany(c, inserted);
    }

    /**
     * A tenant's first large period, unknown to the statistics, was planned as a few rows by the attribution that followed
     * the sync (a nested loop over its 925,000 resources, past the statement timeout): analyzed before the commit.
     */
    static void analyzeIfMany(Connection c, long inserted) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (inserted >= ANALYZE_AFTER && inserted * 10 >= estimatedBlocks(st)) {
                // The block count and the key columns: resource_keys' element statistics (each sampled block's ids
                // hashed, 0.6 to 0.9 s of a commit at 925,000 resources against 0.1 s without) only where it has none yet.
                st.execute("ANALYZE " + TABLE + (hasKeyStatistics(st) ? " (tenant_id, source_id, billing_period, month, block)" : ""));
            }
        }
    }

    /** Whether resource_keys has statistics, which the planner estimates an unnest of a block from; the vacuum keeps them current. */
    private static boolean hasKeyStatistics(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_stats WHERE schemaname = current_schema() AND tablename = '" + TABLE
                + "' AND attname = 'resource_keys'")) {
            return rs.next();
        }
    }

    /** Blocks inserted by one sync below which the statistics are left to the vacuum after it. */
    private static final int ANALYZE_AFTER = 50;

    /** What the statistics take the table's blocks to be; 0 before its first analysis. */
    private static long estimatedBlocks(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = '" + TABLE
                + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
