package com.stategraph.billing.costs;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The largest resources of one month, as each sync keeps them ({@code cost_month_top_resources}). */
final class TopResourcesOfMonth {
    private static final String NONE = ActualsRepository.NONE;

    private final JdbcClient jdbc;

    TopResourcesOfMonth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The top resources of one month, unfiltered: the head of the month's kept list for the metric,
     * per currency (the list holds as many as the largest limit); "other" is the month's total (from
     * {@code cost_monthly}, the same rows summed by other keys) less theirs, present when rows remain
     * beyond them.
     */
    List<CostRow> of(CostQuery q, LocalDate month) {
        String metric = q.metric().column();
        LocalDate period = q.granularity() == Granularity.TOTAL ? null : month;
        List<CostRow> out = new ArrayList<>();
        record Total(String currency, BigDecimal cost, long rows) {
        }
        List<Total> totals = jdbc.sql("SELECT billing_currency, sum(" + metric + "), sum(row_count) FROM cost_monthly"
                        + " WHERE tenant_id = ? AND month = ? GROUP BY 1 ORDER BY 1")
                .params(q.tenantId(), Date.valueOf(month))
                .query((rs, i) -> new Total(rs.getString(1), rs.getBigDecimal(2), rs.getLong(3)))
                .list();
        for (Total total : totals) {
            BigDecimal rest = total.cost();
            long restRows = total.rows();
            List<Object[]> top = jdbc.sql("SELECT resource_id, cost, row_count FROM cost_month_top_resources WHERE tenant_id = ?"
                            + " AND month = ? AND billing_currency = ? AND metric = ? ORDER BY position LIMIT ?")
                    .params(q.tenantId(), Date.valueOf(month), total.currency(), metric, q.limit())
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
