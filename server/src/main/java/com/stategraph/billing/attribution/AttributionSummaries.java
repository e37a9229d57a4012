package com.stategraph.billing.attribution;

import com.stategraph.billing.costs.ActualsService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attribution's answers summed per month (V40): each computation writes, in its transaction, a
 * month's split by status and its largest unmanaged resources, and names the current loads charged
 * in that month that it summed (V41). Readers of a whole month use them while those loads are still
 * the month's current ones; after a sync that changed the month, until its attribution is computed,
 * they sum the rollup as before (and see its lines uncomputed).
 */
@Component
class AttributionSummaries {
    /** A month's largest unmanaged resources kept: the first page of any size the list gives. */
    static final int UNMANAGED_KEPT = UnmanagedResources.LARGEST_PAGE;

    /**
     * Names the current loads charged in month {@code mo.month} (their charge range overlaps it; a load
     * without one, in every month): a sync or removal that changes the month's rollup changes them.
     */
    private static final String MONTH_DIGEST = "(SELECT coalesce(md5(string_agg(l.id::text, ',' ORDER BY l.id)), '')"
            + " FROM billing_loads l WHERE l.tenant_id = mo.tenant_id AND l.state = 'current' AND (l.first_charge IS NULL"
            + " OR (l.first_charge < (mo.month + interval '1 month') AT TIME ZONE 'UTC'"
            + " AND l.last_charge >= mo.month::timestamp AT TIME ZONE 'UTC')))";

    /**
     * 0 attributed, 1 unmanaged, 2 unallocated (no ResourceId: {@code noResourceId} holds), 3 uncomputed
     * (no answer yet), over {@link #answers}.
     */
    static String status(String noResourceId) {
        return "CASE WHEN " + noResourceId + " THEN 2 WHEN a.resource_key IS NOT NULL THEN 0 WHEN u.resource_key IS NOT NULL THEN 1 ELSE 3 END";
    }

    /**
     * The answers {@link #status} reads for lines {@code lines} (with {@code tenant_id} and {@code resource_key}): {@code a} the
     * managed resource's row, {@code u} the unmanaged one's id (V49).
     */
    static String answers(String lines) {
        return " LEFT JOIN attribution_resources a ON a.tenant_id = " + lines + ".tenant_id AND a.resource_key = " + lines + ".resource_key"
                + " LEFT JOIN attribution_unmanaged_keys u ON u.tenant_id = " + lines + ".tenant_id AND u.resource_key = " + lines
                + ".resource_key";
    }

    /**
     * Whole months' unmanaged entries of the rollup, one per month, ResourceId, provider and currency:
     * provider, service_name, resource_id, resource_type, region_id, billed, n, currency, month.
     * Parameters: the tenant, the months, the tenant again: as a constant in the dictionary's join,
     * since PostgreSQL cannot see through the grouping whose tenant it is and hashed every tenant's
     * strings (3.7 million for one tenant's 926,000: 6.8 to 7.6 s against 4.4 to 6.3 s).
     */
    static final String UNMANAGED_OF_MONTHS = "SELECT u.provider, u.service_name, d.value AS resource_id, u.resource_type, u.region_id,"
            + " u.billed, u.n, u.currency, u.month FROM (SELECT m.tenant_id, m.provider, min(m.service_name) AS service_name,"
            + " m.resource_key, min(m.resource_type) AS resource_type, min(m.region_id) AS region_id, sum(m.billed_cost) AS billed,"
            + " sum(m.row_count) AS n, m.billing_currency AS currency, m.month FROM cost_monthly_resources m"
            + " JOIN attribution_unmanaged_keys u ON u.tenant_id = m.tenant_id AND u.resource_key = m.resource_key"
            + " WHERE m.tenant_id = ? AND m.month = ANY (?) GROUP BY m.tenant_id, m.month, m.resource_key, m.provider, m.billing_currency) u"
            + " JOIN billing_resource_values d ON d.tenant_id = ? AND d.id = u.resource_key";

    /**
     * Whole months' lines of the rollup by month, provider, currency and {@link #status}, with
     * {@code sums} (select items over {@code m}). Parameters: the tenant, the months.
     */
    static String splitOfMonths(String sums) {
        return "SELECT m.month, m.provider, m.billing_currency AS currency, " + status("m.resource_key IS NULL") + " AS status, " + sums
                + " FROM cost_monthly_resources m" + answers("m")
                + " WHERE m.tenant_id = ? AND m.month = ANY (?) GROUP BY 1, 2, 3, 4";
    }

    private final JdbcClient jdbc;

    AttributionSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In the computation's transaction, after its answers and its attribution_runs row are written:
     * replaces the summaries of every month ({@code everyMonth}: the answers changed) or of the months
     * whose loads changed since they were written. One statement writes the sums, the lists and the
     * loads they name, so all three are of one snapshot.
     */
    void write(UUID tenantId, boolean everyMonth) {
        java.sql.Date[] months = jdbc.sql("SELECT mo.month FROM (SELECT DISTINCT ?::uuid AS tenant_id, month FROM cost_resource_blocks"
                        + " WHERE tenant_id = ? UNION SELECT tenant_id, month FROM attribution_month_digests WHERE tenant_id = ?) mo"
                        + " LEFT JOIN attribution_month_digests d ON d.tenant_id = mo.tenant_id AND d.month = mo.month"
                        + " WHERE ? OR d.loads_digest IS DISTINCT FROM " + MONTH_DIGEST)
                .params(tenantId, tenantId, tenantId, everyMonth).query(java.sql.Date.class).list().toArray(new java.sql.Date[0]);
        if (months.length == 0) {
            return;
        }
        for (String table : List.of("attribution_month_sums", "attribution_month_unmanaged", "attribution_month_digests")) {
            jdbc.sql("DELETE FROM " + table + " WHERE tenant_id = ? AND month = ANY (?)").params(tenantId, months).update();
        }
        jdbc.sql("WITH sums AS (INSERT INTO attribution_month_sums (tenant_id, month, provider, billing_currency, status, billed_cost,"
                        + " effective_cost, list_cost, contracted_cost, row_count) SELECT ?, s.* FROM (" + splitOfMonths("sum(m.billed_cost),"
                        + " sum(m.effective_cost), sum(m.list_cost), sum(m.contracted_cost), sum(m.row_count)") + ") s RETURNING month),"
                        + " largest AS (INSERT INTO attribution_month_unmanaged (tenant_id, month, position, provider, service_name,"
                        + " resource_id, resource_type, region_id, billing_currency, billed_cost, row_count)"
                        + " SELECT ?, month, position, provider, service_name, resource_id, resource_type, region_id, currency, billed, n"
                        + " FROM (SELECT u.*, row_number() OVER (PARTITION BY month ORDER BY billed DESC, resource_id, provider, currency)"
                        + " AS position FROM (" + UNMANAGED_OF_MONTHS + ") u) r WHERE position <= ?)"
                        + " INSERT INTO attribution_month_digests (tenant_id, month, loads_digest)"
                        + " SELECT mo.tenant_id, mo.month, " + MONTH_DIGEST + " FROM (SELECT DISTINCT ?::uuid AS tenant_id, month FROM sums) mo")
                .params(tenantId, tenantId, months, tenantId, tenantId, months, tenantId, UNMANAGED_KEPT, tenantId)
                .update();
        jdbc.sql("UPDATE attribution_runs SET unmanaged_kept = ? WHERE tenant_id = ?").params(UNMANAGED_KEPT, tenantId).update();
    }

    /**
     * On the reader's snapshot: those of {@code months} whose summaries were computed from the month's
     * current loads (and kept as many unmanaged resources a month as this version reads).
     */
    java.util.Set<java.sql.Date> current(UUID tenantId, List<java.sql.Date> months) {
        return new java.util.HashSet<>(jdbc.sql("SELECT mo.month FROM attribution_month_digests mo"
                        + " JOIN attribution_runs r ON r.tenant_id = mo.tenant_id AND r.unmanaged_kept = ?"
                        + " WHERE mo.tenant_id = ? AND mo.month = ANY (?) AND mo.loads_digest = " + MONTH_DIGEST)
                .params(UNMANAGED_KEPT, tenantId, months.toArray(new java.sql.Date[0])).query(java.sql.Date.class).list());
    }

    /** The split's rows of whole months, as the rollup would give them: provider, currency, status, cost, n, month. */
    static String sumsOfMonths(String metricColumn) {
        return "SELECT provider, billing_currency AS currency, status, sum(" + metricColumn + ") AS cost, sum(row_count) AS n, month"
                + " FROM attribution_month_sums WHERE tenant_id = ? AND month = ANY (?) GROUP BY 1, 2, 3, 6";
    }

    /** Where a page starts: after the last entry of the one before (billed, resource, provider, currency). */
    record After(BigDecimal billed, String resourceId, String provider, String currency) {
    }

    /**
     * On the reader's snapshot, when {@code month} is {@link #current}: the page of {@code month}'s unmanaged resources after
     * {@code after}, or empty when the month's kept list ends before the page is full and does not hold them all.
     */
    Optional<List<UnmanagedResources.Unmanaged>> unmanaged(UUID tenantId, java.sql.Date month, int limit, After after) {
        StringBuilder sql = new StringBuilder("SELECT provider, service_name, resource_id, resource_type, region_id, billed_cost,"
                + " row_count, billing_currency FROM attribution_month_unmanaged WHERE tenant_id = ? AND month = ?");
        List<Object> params = new ArrayList<>(List.of(tenantId, month));
        if (after != null) {
            sql.append(" AND (billed_cost < ? OR (billed_cost = ? AND (resource_id, provider, billing_currency) > (?, ?, ?)))");
            params.addAll(List.of(after.billed(), after.billed(), after.resourceId(), after.provider(), after.currency()));
        }
        sql.append(" ORDER BY position LIMIT ?");
        params.add(limit);
        List<UnmanagedResources.Unmanaged> page = jdbc.sql(sql.toString()).params(params).query((rs, i) ->
                new UnmanagedResources.Unmanaged(rs.getString("provider"), rs.getString("service_name"), rs.getString("resource_id"),
                        rs.getString("resource_type"), rs.getString("region_id"), ActualsService.money(rs.getBigDecimal("billed_cost")),
                        rs.getLong("row_count"), rs.getString("billing_currency"))).list();
        if (page.size() == limit) {
            return Optional.of(page);
        }
        // A short page is the list's end when the month kept fewer than it could: it has no more.
        boolean whole = !jdbc.sql("SELECT EXISTS (SELECT 1 FROM attribution_month_unmanaged WHERE tenant_id = ? AND month = ?"
                + " AND position = ?)").params(tenantId, month, UNMANAGED_KEPT).query(Boolean.class).single();
        return whole ? Optional.of(page) : Optional.empty();
    }
}
