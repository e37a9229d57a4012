package com.stategraph.billing.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The per-resource month sums, kept in blocks (V50): a row of {@code cost_resource_blocks} per source,
 * billing period, month and block of 128 dictionary ids ({@link #SHIFT}), its entries parallel arrays sorted
 * by resource and then dimensions, which are a row of {@code cost_resource_dims}. A load's summed rows
 * (one per key, as {@code cost_monthly_resources} shows them) replace the blocks of its periods; a
 * block whose entries did not change is not written again, so a re-sync of the same sums writes
 * nothing.
 */
public final class ResourceBlocks {
    /** log2 of the ids per block: 128, so that a state's thousand resources read a few hundred small blocks, not most of the month. */
    public static final int SHIFT = 7;
    static final String TABLE = "cost_resource_blocks";
    private static final String NEXT = "rollup_next_resource_blocks";
    /** The load's distinct combinations of dimensions with their text, and then with their ids. */
    private static final String COMBINATIONS = "rollup_next_resource_combinations";
    private static final String COMBINATION_IDS = "rollup_next_resource_combination_ids";
    private static final String DIMENSIONS = "provider, host_provider, publisher, invoice_issuer, service_name, sub_account_id, region_id,"
            + " resource_type, charge_category, billing_currency";
    private static final String ARRAYS = "resource_keys, dims, billed_cost, effective_cost, list_cost, contracted_cost, row_counts";

    private ResourceBlocks() {
    }

    /** The text a combination of dimensions is found by, of alias {@code a}'s columns (V50 wrote the same). */
    private static String key(String a) {
        return "(" + a + "." + DIMENSIONS.replace(", ", ", " + a + ".") + ")::text";
    }

    /**
     * Whether {@code a}'s and {@code b}'s dimensions are the same, a NULL the same as a NULL only: as hashable
     * equalities, since {@code IS NOT DISTINCT FROM} cannot be hashed.
     */
    private static String sameDimensions(String a, String b) {
        return Arrays.stream(DIMENSIONS.split(", ")).map(col -> "coalesce(" + a + "." + col + ", '') = coalesce(" + b + "." + col
                + ", '') AND (" + a + "." + col + " IS NULL) = (" + b + "." + col + " IS NULL)").collect(Collectors.joining(" AND "));
    }

    /** The block an id is in; the lines without a ResourceId are block -1. */
    private static String blockOf(String resourceKey) {
        return "coalesce(" + resourceKey + " >> " + SHIFT + ", -1)";
    }

    /**
     * Makes the source's blocks of {@code periods} those of {@code next}: a temporary table with the
     * columns of {@code cost_monthly_resources}, one row per key. Periods without rows lose theirs.
     */
    static void replace(Connection c, String next, UUID tenantId, UUID sourceId, Array periods) throws SQLException {
        // The text a combination is found by is computed per combination, not per row: a row's text took about 0.8 s of
        // PostgreSQL per pass over 958,000 rows, and there were two passes (the new combinations, then the join).
        RollupDiff.update(c, "CREATE TEMPORARY TABLE " + COMBINATIONS + " ON COMMIT DROP AS SELECT k.*, " + key("k") + " AS key"
                + " FROM (SELECT DISTINCT " + DIMENSIONS + " FROM " + next + ") k");
        // In the order of the unique key, so that two syncs of the tenant adding the same combinations wait, never deadlock.
        RollupDiff.update(c, "INSERT INTO cost_resource_dims (tenant_id, key, " + DIMENSIONS + ") SELECT ?, k.key, " + DIMENSIONS
                + " FROM " + COMBINATIONS + " k WHERE NOT EXISTS (SELECT 1 FROM cost_resource_dims d WHERE d.tenant_id = ?"
                + " AND d.key = k.key) ORDER BY k.key ON CONFLICT (tenant_id, key) DO NOTHING", tenantId, tenantId);
        RollupDiff.update(c, "CREATE TEMPORARY TABLE " + COMBINATION_IDS + " ON COMMIT DROP AS SELECT k.*, d.id FROM " + COMBINATIONS
                + " k JOIN cost_resource_dims d ON d.tenant_id = ? AND d.key = k.key", tenantId);
        String order = " ORDER BY n.resource_key, d.id)";
        // Twenty conditions are planned as matching almost nothing, and were merge-joined after sorting every row by them
        // (23 s for 958,000 rows against 1.1 s hashed): the combinations are few, so their hash table always fits.
        String mergeJoin = setLocal(c, "enable_mergejoin", "off");
        String nestedLoop = setLocal(c, "enable_nestloop", "off");
        RollupDiff.update(c, "CREATE TEMPORARY TABLE " + NEXT + " ON COMMIT DROP AS SELECT n.billing_period, n.month, "
                + blockOf("n.resource_key") + " AS block, array_agg(n.resource_key" + order + " AS resource_keys, array_agg(d.id" + order
                + " AS dims, array_agg(n.billed_cost" + order + " AS billed_cost, array_agg(n.effective_cost" + order + " AS effective_cost,"
                + " array_agg(n.list_cost" + order + " AS list_cost, array_agg(n.contracted_cost" + order + " AS contracted_cost,"
                + " array_agg(n.row_count" + order + " AS row_counts FROM " + next + " n JOIN " + COMBINATION_IDS + " d ON "
                + sameDimensions("n", "d") + " GROUP BY 1, 2, 3");
        setLocal(c, "enable_mergejoin", mergeJoin);
        setLocal(c, "enable_nestloop", nestedLoop);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE " + COMBINATION_IDS + ", " + COMBINATIONS);
        }
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
            // A tenant's first large period, unknown to the statistics, was planned as a few rows by the attribution that
            // followed the sync (a nested loop over its 925,000 resources, past the statement timeout): analyzed before the commit.
            if (inserted >= ANALYZE_AFTER && inserted * 10 >= estimatedBlocks(st)) {
                st.execute("ANALYZE " + TABLE);
            }
        }
    }

    /** Sets a planner setting for the rest of the transaction; its value before. */
    private static String setLocal(Connection c, String name, String value) throws SQLException {
        String before = RollupDiff.text(c, "SELECT current_setting(?)", name);
        RollupDiff.text(c, "SELECT set_config(?, ?, true)", name, value);
        return before;
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
