package com.stategraph.billing.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps each resource's cost per tenant, month and currency over every source equal to the sums of
 * {@code cost_monthly_resources}, for the months a change touched. A month of fewer resources than
 * the own-table threshold lives in {@code cost_resource_month_totals}, changed row by row; a larger
 * one is a set of its own ({@code resource_month_total_sets}), a table of
 * {@code cost_resource_month_totals_large} written whole, so the set it replaces is dropped
 * ({@link BillingPartitions#dropRetired}) instead of leaving a dead row per changed resource.
 * Two syncs of one tenant's sources rebuild the same months: a per-tenant lock, taken last in the
 * transaction, makes the second wait for the first to commit and then read what it wrote.
 */
final class ResourceMonthTotals {
    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('resource-month-totals:' || ?::text, 0))";
    static final String MONTHS_OF_SOURCE = "SELECT DISTINCT month FROM cost_monthly_resources WHERE tenant_id = ? AND source_id = ?";
    private static final String TABLE = "cost_resource_month_totals";
    private static final String SUMMED = "rollup_resource_month_sums";
    private static final String NEXT = "rollup_next_resource_month_totals";
    /** Each resource's sums over the tenant's sources, for some months. */
    private static final String SUMS = "SELECT tenant_id, month, billing_currency, resource_id, " + RollupDiff.summed()
            + " FROM cost_monthly_resources WHERE tenant_id = ? AND month = ANY (?::date[]) GROUP BY 1, 2, 3, 4";

    private ResourceMonthTotals() {
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

    /**
     * @param ownTableRows a month of at least this many resource rows is a set of its own
     */
    static void rebuild(Connection c, UUID tenantId, Set<LocalDate> months, int ownTableRows) throws SQLException {
        if (months.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setObject(1, tenantId);
            lock.execute();
        }
        try (PreparedStatement sums = c.prepareStatement("CREATE TEMPORARY TABLE " + SUMMED + " ON COMMIT DROP AS " + SUMS)) {
            sums.setObject(1, tenantId);
            sums.setArray(2, dates(c, months));
            sums.execute();
        }
        Map<LocalDate, Long> resources = resourcesPerMonth(c, months);
        List<LocalDate> small = new ArrayList<>();
        for (Map.Entry<LocalDate, Long> month : resources.entrySet()) {
            if (month.getValue() >= ownTableRows) {
                ResourceTotalSets.replace(c, tenantId, month.getKey(), SUMMED);
                deleteShared(c, tenantId, month.getKey());
            } else {
                small.add(month.getKey());
            }
        }
        if (!small.isEmpty()) {
            Array smallMonths = dates(c, small);
            ResourceTotalSets.retire(c, tenantId, smallMonths);
            try (PreparedStatement next = c.prepareStatement("CREATE TEMPORARY TABLE " + NEXT + " ON COMMIT DROP AS SELECT * FROM "
                    + SUMMED + " WHERE month = ANY (?)")) {
                next.setArray(1, smallMonths);
                next.execute();
            }
            RollupDiff.apply(c, TABLE, NEXT, RollupDiff.columnsOf(c, TABLE), "t.tenant_id = ? AND t.month = ANY (?)", tenantId,
                    smallMonths);
        }
        try (Statement drop = c.createStatement()) {
            // a transaction may rebuild twice (a source removed, then another synced)
            drop.execute("DROP TABLE IF EXISTS " + NEXT + ", " + SUMMED);
        }
    }

    /** Resource rows per month of the sums; a month without any has none left. */
    private static Map<LocalDate, Long> resourcesPerMonth(Connection c, Set<LocalDate> months) throws SQLException {
        Map<LocalDate, Long> resources = new TreeMap<>();
        months.forEach(m -> resources.put(m, 0L));
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT month, count(*) FROM " + SUMMED + " GROUP BY month")) {
            while (rs.next()) {
                resources.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
            }
        }
        return resources;
    }

    /** Rows the month had in the shared table while it was small. */
    private static void deleteShared(Connection c, UUID tenantId, LocalDate month) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + TABLE + " WHERE tenant_id = ? AND month = ?")) {
            del.setObject(1, tenantId);
            del.setObject(2, month);
            del.executeUpdate();
        }
    }

    private static Array dates(Connection c, java.util.Collection<LocalDate> months) throws SQLException {
        return c.createArrayOf("date", months.stream().map(java.sql.Date::valueOf).toArray());
    }
}
