package com.stategraph.billing.costs;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The largest resources of one month, read from the head of the month's resource totals' index. */
final class TopResourcesOfMonth {
    private static final String NONE = ActualsRepository.NONE;

    private final JdbcClient jdbc;

    TopResourcesOfMonth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The top resources of one month, unfiltered: the first rows of the month's resource totals'
     * index for the metric, per currency (the month's set of its own, or its rows of the shared
     * table); "other" is the month's total (from {@code cost_monthly}, the same rows summed by other
     * keys) less theirs, present when rows remain beyond them.
     */
    List<CostRow> of(CostQuery q, LocalDate month) {
        String metric = q.metric().column();
        LocalDate period = q.granularity() == Granularity.TOTAL ? null : month;
        List<CostRow> out = new ArrayList<>();
        record Total(String currency, BigDecimal cost, long rows) {
        }
        List<Total> totals = jdbc.sql("SELECT billing_currency, sum(" + metric + "), sum(row_count) FROM cost_monthly"
                        + " WHERE tenant_id = ? AND month = ? GROUP BY 1")
                .params(q.tenantId(), Date.valueOf(month))
                .query((rs, i) -> new Total(rs.getString(1), rs.getBigDecimal(2), rs.getLong(3)))
                .list();
        Optional<UUID> set = jdbc.sql("SELECT set_id FROM resource_month_total_sets WHERE tenant_id = ? AND month = ?")
                .params(q.tenantId(), Date.valueOf(month)).query(UUID.class).optional();
        for (Total total : totals) {
            BigDecimal rest = total.cost();
            long restRows = total.rows();
            // A month of many resources is a set of its own: named by a constant, PostgreSQL reads only its table.
            List<Object> params = new ArrayList<>(set.isPresent() ? List.of() : List.of(q.tenantId(), Date.valueOf(month)));
            params.addAll(List.of(total.currency(), q.limit()));
            List<Object[]> top = jdbc.sql("SELECT resource_id, " + metric + ", row_count FROM " + set.map(id ->
                                    "cost_resource_month_totals_large WHERE set_id = '" + id + "'::uuid")
                                    .orElse("cost_resource_month_totals WHERE tenant_id = ? AND month = ?")
                            + " AND billing_currency = ? ORDER BY " + metric + " DESC, coalesce(resource_id, '" + NONE + "') COLLATE \"C\""
                            + " LIMIT ?")
                    .params(params)
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getLong(3)})
                    .list();
            for (Object[] r : top) {
                out.add(new CostRow(r[0] == null ? NONE : (String) r[0], total.currency(), period, (BigDecimal) r[1]));
                rest = rest.subtract((BigDecimal) r[1]);
                restRows -= (Long) r[2];
            }
            if (restRows > 0) {
                out.add(new CostRow(NONE, total.currency(), period, rest, true));
            }
        }
        return out;
    }
}
