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
    static final String INSERT = "INSERT INTO cost_resource_month_totals (tenant_id, month, billing_currency, resource_id,"
            + " billed_cost, effective_cost, list_cost, contracted_cost, row_count)"
            + " SELECT tenant_id, month, billing_currency, resource_id, sum(billed_cost), sum(effective_cost), sum(list_cost),"
            + " sum(contracted_cost), sum(row_count) FROM cost_monthly_resources WHERE tenant_id = ? AND month = ANY (?::date[])"
            + " GROUP BY 1, 2, 3, 4";

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
        try (PreparedStatement del = c.prepareStatement(DELETE)) {
            del.setObject(1, tenantId);
            del.setArray(2, monthArray);
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(INSERT)) {
            ins.setObject(1, tenantId);
            ins.setArray(2, monthArray);
            ins.executeUpdate();
        }
    }
}
