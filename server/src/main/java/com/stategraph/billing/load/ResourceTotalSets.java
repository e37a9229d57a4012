package com.stategraph.billing.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A month's resource totals of many resources as a set of their own: one table of
 * {@code cost_resource_month_totals_large} per set, named current for its tenant and month in
 * {@code resource_month_total_sets}. A rebuild writes a new set and names it in the sync's
 * transaction; the set it replaced is detached and dropped after the commit
 * ({@link BillingPartitions#dropRetired}), giving its space back.
 */
final class ResourceTotalSets {
    private static final BillingPartitions FAMILY = BillingPartitions.RESOURCE_TOTALS;

    private ResourceTotalSets() {
    }

    /**
     * The month's sums in {@code summed} (a table of the transaction) become its current set, unless
     * the current one holds the same rows: then it stays as it is, written by nothing.
     */
    static void replace(Connection c, UUID tenantId, LocalDate month, String summed) throws SQLException {
        UUID current = currentSet(c, tenantId, month);
        if (current != null && same(c, current, month, summed)) {
            return;
        }
        UUID setId = UUID.randomUUID();
        String table = FAMILY.create(c, setId);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table + " (tenant_id, set_id, billing_currency, resource_id,"
                + " billed_cost, effective_cost, list_cost, contracted_cost, row_count) SELECT tenant_id, ?, billing_currency, resource_id, billed_cost,"
                + " effective_cost, list_cost, contracted_cost, row_count FROM " + summed + " WHERE month = ?"
                // in ranking order: a top-N reads neighbouring pages
                + " ORDER BY billing_currency, effective_cost DESC")) {
            ins.setObject(1, setId);
            ins.setObject(2, month);
            ins.executeUpdate();
        }
        FAMILY.attach(c, setId);
        try (PreparedStatement name = c.prepareStatement("INSERT INTO resource_month_total_sets (tenant_id, month, set_id)"
                + " VALUES (?, ?, ?) ON CONFLICT (tenant_id, month) DO UPDATE SET set_id = excluded.set_id")) {
            name.setObject(1, tenantId);
            name.setObject(2, month);
            name.setObject(3, setId);
            name.executeUpdate();
        }
    }

    private static UUID currentSet(Connection c, UUID tenantId, LocalDate month) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT set_id FROM resource_month_total_sets WHERE tenant_id = ? AND month = ?")) {
            q.setObject(1, tenantId);
            q.setObject(2, month);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    /** Whether the set holds exactly the month's sums (a key is one row on both sides). */
    private static boolean same(Connection c, UUID setId, LocalDate month, String summed) throws SQLException {
        return FAMILY.holdsExactly(c, setId, summed, "month = ?", month, "billing_currency, resource_id, billed_cost::text,"
                + " effective_cost::text, list_cost::text, contracted_cost::text, row_count");
    }

    /** The months go back to the shared table (fewer resources now): their sets are dropped after the commit. */
    static void retire(Connection c, UUID tenantId, Array months) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM resource_month_total_sets WHERE tenant_id = ? AND month = ANY (?)")) {
            del.setObject(1, tenantId);
            del.setArray(2, months);
            del.executeUpdate();
        }
    }
}
