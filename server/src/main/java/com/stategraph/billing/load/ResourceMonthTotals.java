package com.stategraph.billing.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps {@code cost_resource_month_totals} (each resource's cost per tenant, month and currency over
 * every source) equal to the sums of {@code cost_monthly_resources}, for the months a change touched.
 * Two syncs of one tenant's sources rebuild the same months: a per-tenant lock, taken last in the
 * transaction, makes the second wait for the first to commit and then read what it wrote.
 */
final class ResourceMonthTotals {
    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('resource-month-totals:' || ?::text, 0))";
    static final String MONTHS_OF_SOURCE = "SELECT DISTINCT month FROM cost_monthly_resources WHERE tenant_id = ? AND source_id = ?";
    static final String DELETE = "DELETE FROM cost_resource_month_totals WHERE tenant_id = ? AND month = ANY (?::date[])";
    private static final String TABLE = "cost_resource_month_totals";
    private static final String NEXT = "rollup_next_resource_month_totals";
    /** Each resource's sums over the tenant's sources, for some months. */
    private static final String SUMS = "SELECT tenant_id, month, billing_currency, resource_id, " + RollupDiff.summed()
            + " FROM cost_monthly_resources WHERE tenant_id = ? AND month = ANY (?::date[]) GROUP BY 1, 2, 3, 4";
    static final String INSERT = "INSERT INTO " + TABLE + " (tenant_id, month, billing_currency, resource_id,"
            + " billed_cost, effective_cost, list_cost, contracted_cost, row_count) " + SUMS;

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

    static void rebuild(Connection c, UUID tenantId, Set<LocalDate> months) throws SQLException {
        if (months.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setObject(1, tenantId);
            lock.execute();
        }
        Array monthArray = c.createArrayOf("date", months.stream().map(java.sql.Date::valueOf).toArray());
        try (PreparedStatement next = c.prepareStatement("CREATE TEMPORARY TABLE " + NEXT + " ON COMMIT DROP AS " + SUMS)) {
            next.setObject(1, tenantId);
            next.setArray(2, monthArray);
            next.execute();
        }
        RollupDiff.apply(c, TABLE, NEXT, RollupDiff.columnsOf(c, TABLE), "t.tenant_id = ? AND t.month = ANY (?)", tenantId,
                monthArray);
        try (java.sql.Statement drop = c.createStatement()) {
            drop.execute("DROP TABLE " + NEXT); // a transaction may rebuild twice (a source removed, then another synced)
        }
    }
}
