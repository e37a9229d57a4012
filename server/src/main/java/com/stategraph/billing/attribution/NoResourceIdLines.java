package com.stategraph.billing.attribution;

import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.CostQueryParser;
import com.stategraph.billing.costs.MonthlyConversion;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the lines that name no resource are, by charge category (Usage, Tax, Credit, ...): whole months
 * from the monthly resource rollup, the edges of a range that cuts a month from the billing rows, as
 * the attribution split reads them. A category of null is one loaded before the rollup kept it.
 */
@Service
public class NoResourceIdLines {
    private final JdbcClient jdbc;
    private final CostQueryParser parser;
    private final RowsInRange rows;

    NoResourceIdLines(JdbcClient jdbc, CostQueryParser parser, RowsInRange rows) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.rows = rows;
    }

    /** Per currency (the target's when converted), charge category to cost, in {@code [from, to)}. */
    public Map<String, Map<String, BigDecimal>> byCategory(UUID tenantId, LocalDate from, LocalDate to, String metric,
                                                           java.util.function.BiFunction<LocalDate, LocalDate, MonthlyConversion> conversion) {
        CostQuery q = parser.parse(tenantId, CostQueryParser.Params.range(from.toString(), to.toString(), metric));
        MonthlyConversion into = conversion == null ? null : conversion.apply(q.from(), q.to());
        String cost = q.metric().column();
        return rows.onSnapshot(() -> {
            Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
            RowsInRange.Parts parts = rows.parts(tenantId, q.from(), q.to());
            for (RowsInRange.Edge edge : parts.edges()) {
                jdbc.sql("SELECT r.billing_currency AS currency, r.charge_category AS category, coalesce(sum(r." + cost + "), 0) AS cost,"
                                + " date_trunc('month', r.charge_period_start AT TIME ZONE 'UTC')::date AS month FROM billing_rows r"
                                + " WHERE " + edge.onlyLoads() + " AND r.tenant_id = ? AND r.charge_period_start >= ?"
                                + " AND r.charge_period_start < ? AND (r.resource_id IS NULL OR r.resource_id = '') GROUP BY 1, 2, 4")
                        .params(tenantId, Timestamp.from(edge.from()), Timestamp.from(edge.to()))
                        .query(rs -> {
                            add(sums, rs, into);
                        });
            }
            if (!parts.wholeMonths().isEmpty()) {
                // The lines without a ResourceId are the sums' block -1 (V50): that block, not every resource's.
                jdbc.sql("SELECT d.billing_currency AS currency, d.charge_category AS category, coalesce(sum(e.cost), 0) AS cost,"
                                + " b.month FROM cost_resource_blocks b CROSS JOIN LATERAL unnest(b.dims, b." + cost + ") AS e (dims, cost)"
                                + " JOIN cost_resource_dims d ON d.tenant_id = b.tenant_id AND d.id = e.dims"
                                + " WHERE b.tenant_id = ? AND b.month = ANY (?) AND b.block = -1 GROUP BY 1, 2, 4")
                        .params(tenantId, parts.wholeMonths().toArray(new java.sql.Date[0]))
                        .query(rs -> {
                            add(sums, rs, into);
                        });
            }
            return sums;
        });
    }

    private static void add(Map<String, Map<String, BigDecimal>> sums, java.sql.ResultSet rs, MonthlyConversion into)
            throws java.sql.SQLException {
        String currency = rs.getString("currency");
        BigDecimal cost = rs.getBigDecimal("cost");
        if (into != null && cost.signum() != 0) {
            cost = into.convert(cost, currency, java.time.YearMonth.from(rs.getDate("month").toLocalDate()));
        }
        String category = rs.getString("category");
        sums.computeIfAbsent(into == null ? currency : into.target(), c -> new TreeMap<>())
                .merge(category == null ? "" : category, cost, BigDecimal::add);
    }
}
