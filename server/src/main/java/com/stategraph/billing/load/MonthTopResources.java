package com.stategraph.billing.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps each month's largest resources over all of a tenant's sources ({@code cost_month_top_resources}),
 * per currency and metric, at most {@link #KEPT} of them in the resource view's order, for the months
 * a change touched. They answer "which resources cost the most this month" without a row per
 * resource beside {@code cost_monthly_resources}, which already holds every resource per source.
 * Two syncs of one tenant's sources rebuild the same months: a per-tenant lock, taken last in the
 * transaction, makes the second wait for the first to commit and then read what it wrote.
 */
final class MonthTopResources {
    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('month-top-resources:' || ?::text, 0))";
    /** The API's largest limit: every unfiltered month's resource view is a prefix of the kept list. */
    static final int KEPT = 1000;
    private static final List<String> METRICS = List.of("billed_cost", "effective_cost", "list_cost", "contracted_cost");
    private static final String TABLE = "cost_month_top_resources";
    private static final String MONTHS_OF_SOURCE = "SELECT DISTINCT month FROM " + ResourceBlocks.TABLE + " WHERE tenant_id = ? AND source_id = ?";
    private static final String SUMMED = "rollup_resource_month_sums";
    private static final String NEXT = "rollup_next_month_top_resources";
    /**
     * Each resource's sums over the tenant's sources, for some months, by currency. Summed block by block (V50): every sum
     * of a resource is in blocks of one number, its id's, whatever the source or month. One aggregate over a month of
     * 925,000 resources spilled past the commit's work_mem (about 10 s of the sync). {@code %s}: the currency of an entry
     * {@code e}, and what joins it.
     */
    private static final String SUMS = "SELECT s.* FROM (SELECT DISTINCT block FROM " + ResourceBlocks.TABLE
            + " WHERE tenant_id = ? AND month = ANY (?::date[])) k CROSS JOIN LATERAL (SELECT b.tenant_id, b.month, %s AS billing_currency,"
            + " e.resource_key, sum(e.billed) AS billed_cost, sum(e.effective) AS effective_cost, sum(e.list) AS list_cost,"
            + " sum(e.contracted) AS contracted_cost, sum(e.n)::bigint AS row_count FROM " + ResourceBlocks.TABLE + " b"
            + " CROSS JOIN LATERAL unnest(b.resource_keys, b.dims, b.billed_cost, b.effective_cost, b.list_cost, b.contracted_cost,"
            + " b.row_counts) AS e (resource_key, dims, billed, effective, list, contracted, n)%s"
            + " WHERE b.tenant_id = ? AND b.month = ANY (?::date[]) AND b.block = k.block GROUP BY 1, 2, 3, 4) s";
    /** Each entry's currency from its combination of dimensions: a hash of the tenant's combinations built per block. */
    private static final String SUMS_BY_DIMENSIONS = SUMS.formatted("d.billing_currency",
            " JOIN cost_resource_dims d ON d.tenant_id = b.tenant_id AND d.id = e.dims");
    /**
     * A tenant of one currency, most of them: no combination looked up (925,000 resources in 7,227 blocks: the
     * combinations' hash, built again for each block, was about 1 s of the 2.4 s).
     */
    private static final String SUMS_IN_ONE_CURRENCY = SUMS.formatted("?::text", "");

    private MonthTopResources() {
    }

    /** The months of a source's resource rollup for some billing periods (null: all of them). */
    static Set<LocalDate> monthsOf(Connection c, UUID tenantId, UUID sourceId, Array periods) throws SQLException {
        String sql = MONTHS_OF_SOURCE + (periods == null ? "" : " AND billing_period = ANY (?)");
        Set<LocalDate> months = new TreeSet<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, tenantId);
            q.setObject(2, sourceId);
            if (periods != null) {
                q.setArray(3, periods);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    months.add(rs.getDate(1).toLocalDate());
                }
            }
        }
        return months;
    }

    /** Makes the months' kept lists those of their resource rollup now; a kept row that did not change is not written. */
    static void rebuild(Connection c, UUID tenantId, Set<LocalDate> months) throws SQLException {
        rebuild(c, tenantId, months, null);
    }

    /**
     * As {@link #rebuild(Connection, UUID, Set)}, from a load's own candidates when its blocks are all the months hold.
     *
     * @param load the load's candidates, source and billing periods; or null
     */
    static void rebuild(Connection c, UUID tenantId, Set<LocalDate> months, LoadCandidates load) throws SQLException {
        if (months.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setObject(1, tenantId);
            lock.execute();
        }
        Array monthList = c.createArrayOf("date", months.stream().map(java.sql.Date::valueOf).toArray());
        if (load != null && load.candidates() != null && onlyTheLoads(c, tenantId, monthList, load)) {
            try {
                load.candidates().write(c, SUMMED, tenantId);
            } catch (java.io.IOException e) {
                throw new SQLException("the month's largest resources could not be sent: " + e.getMessage(), e);
            }
        } else {
            sumBlocks(c, tenantId, monthList);
        }
        // Nothing analyzes a temporary table: without statistics the ranking's dictionary lookups were planned blind.
        RollupDiff.update(c, "ANALYZE " + SUMMED);
        RollupDiff.update(c, "CREATE TEMPORARY TABLE " + NEXT + " ON COMMIT DROP AS " + ranked());
        RollupDiff.apply(c, TABLE, NEXT, RollupDiff.columnsOf(c, TABLE), "t.tenant_id = ? AND t.month = ANY (?)", tenantId, monthList);
        try (Statement drop = c.createStatement()) {
            // a transaction may rebuild twice (a source removed, then another synced)
            drop.execute("DROP TABLE " + NEXT + ", " + SUMMED);
        }
    }

    /** Every resource's sums of the months, from the blocks of all the tenant's sources, into {@link #SUMMED}. */
    private static void sumBlocks(Connection c, UUID tenantId, Array monthList) throws SQLException {
        String currency = onlyCurrency(c, tenantId);
        if (currency != null) {
            RollupDiff.update(c, "CREATE TEMPORARY TABLE " + SUMMED + " ON COMMIT DROP AS " + SUMS_IN_ONE_CURRENCY, tenantId, monthList,
                    currency, tenantId, monthList);
        } else {
            RollupDiff.update(c, "CREATE TEMPORARY TABLE " + SUMMED + " ON COMMIT DROP AS " + SUMS_BY_DIMENSIONS, tenantId, monthList,
                    tenantId, monthList);
        }
    }

    /** A load's candidates ({@link MonthTopCandidates}), its source and the billing periods it replaced. */
    record LoadCandidates(MonthTopCandidates candidates, UUID sourceId, Array periods) {
    }

    /** Whether the months hold no resource sums but the load's: its candidates then stand for all of them. */
    private static boolean onlyTheLoads(Connection c, UUID tenantId, Array months, LoadCandidates load) throws SQLException {
        return RollupDiff.text(c, "SELECT 'other' FROM " + ResourceBlocks.TABLE + " WHERE tenant_id = ? AND month = ANY (?)"
                + " AND NOT (source_id = ? AND billing_period = ANY (?)) LIMIT 1", tenantId, months, load.sourceId(), load.periods()) == null;
    }

    /** The one currency of every combination of the tenant's dimensions; null when it has several (or none). */
    private static String onlyCurrency(Connection c, UUID tenantId) throws SQLException {
        return RollupDiff.text(c, "SELECT min(billing_currency) FROM cost_resource_dims WHERE tenant_id = ?"
                + " HAVING count(DISTINCT billing_currency) = 1", tenantId);
    }

    /**
     * Per month, currency and metric, the first {@link #KEPT} resources in the view's order: a
     * bounded sort per group, not a sort of every resource. The view breaks ties of cost by the
     * ResourceId's text, so the candidates are the {@link #KEPT} largest and every one that ties the
     * last of them; only those are looked up in the dictionary, each block by its key. The groups are
     * found once for the four metrics (each search was a pass over every resource's sums: 0.34 s at
     * 958,000), and a lookup by key, not a hash of the dictionary, which had read every tenant's blocks
     * once a metric.
     */
    private static String ranked() {
        return "WITH g AS MATERIALIZED (SELECT DISTINCT tenant_id, month, billing_currency FROM " + SUMMED + ") "
                + METRICS.stream().map(metric -> "SELECT tenant_id, month, billing_currency, metric, position, resource_id, cost, row_count"
                        + " FROM (SELECT g.tenant_id, g.month, g.billing_currency, '" + metric + "'::text AS metric,"
                        + " (row_number() OVER (PARTITION BY g.month, g.billing_currency ORDER BY " + viewOrder("t.cost", "d.resource_id")
                        + "))::integer AS position, d.resource_id, t.cost, t.row_count FROM g"
                        + " CROSS JOIN LATERAL (SELECT s.resource_key, s." + metric + " AS cost, s.row_count FROM " + SUMMED + " s"
                        + " WHERE s.month = g.month AND s.billing_currency = g.billing_currency"
                        + " ORDER BY s." + metric + " DESC FETCH FIRST " + KEPT + " ROWS WITH TIES) t"
                        + " LEFT JOIN LATERAL (SELECT " + RESOURCE_ID + " AS resource_id FROM billing_resource_ids d"
                        + " WHERE d.tenant_id = g.tenant_id AND d.block = t.resource_key >> " + ResourceIdBlocks.SHIFT + ") d ON true) r"
                        + " WHERE position <= " + KEPT)
                .collect(Collectors.joining(" UNION ALL "));
    }

    /** The candidate's ResourceId, from its dictionary block {@code d}. */
    private static final String RESOURCE_ID = "d.vals[(t.resource_key & " + (ResourceIdBlocks.SIZE - 1) + ") + 1]";

    /** The resource view's order: cost, largest first, then the resource id's bytes, a missing id as "(none)". */
    private static String viewOrder(String cost, String resourceId) {
        return cost + " DESC, coalesce(" + resourceId + ", '(none)') COLLATE \"C\"";
    }
}
