package com.stategraph.billing.attribution;

import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.MonthlyConversion;
import com.stategraph.billing.costs.CostQueryParser;
import com.stategraph.billing.costs.Dimension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The attribution view: a range's lines by status, per currency and provider. */
@Service
public class AttributionService {
    private final JdbcClient jdbc;
    private final CostQueryParser parser;
    private final RowsInRange rows;
    private final AttributionSummaries summaries;

    AttributionService(JdbcClient jdbc, CostQueryParser parser, RowsInRange rows, AttributionSummaries summaries) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.rows = rows;
        this.summaries = summaries;
    }

    /** Sums by status (0 attributed, 1 unmanaged, 2 unallocated, 3 uncomputed) of one provider and currency. */
    private static final class Sums {
        final BigDecimal[] cost = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        final long[] lines = new long[4];

        void add(int status, BigDecimal c, long n) {
            cost[status] = cost[status].add(c);
            lines[status] += n;
        }

        void add(Sums other) {
            for (int i = 0; i < 4; i++) {
                add(i, other.cost[i], other.lines[i]);
            }
        }

        BigDecimal total() {
            return cost[0].add(cost[1]).add(cost[2]).add(cost[3]);
        }

        long lineCount() {
            return lines[0] + lines[1] + lines[2] + lines[3];
        }
    }

    /** {@code [from, to)} on ChargePeriodStart, default the month so far; metric default effective, as every cost view's. */
    public Attribution attribution(UUID tenantId, String from, String to, String metric) {
        return attribution(tenantId, from, to, metric, null);
    }

    /**
     * The same, converted by {@code conversion} (given the range's first day and the day after its last;
     * null: each currency apart): each month's sums at its rate.
     */
    public Attribution attribution(UUID tenantId, String from, String to, String metric,
                                   java.util.function.BiFunction<java.time.LocalDate, java.time.LocalDate, MonthlyConversion> conversion) {
        CostQuery q = parser.parse(tenantId, CostQueryParser.Params.range(from, to, metric));
        MonthlyConversion into = conversion == null ? null : conversion.apply(q.from(), q.to());
        String metricColumn = q.metric().column();
        // Whole months come from the monthly resource rollup (one row per resource and month); the edges of a range that
        // cuts a month's charges are read from the billing rows.
        Map<String, Map<String, Sums>> byCurrencyAndProvider = rows.onSnapshot(() -> {
            Map<String, Map<String, Sums>> sums = new TreeMap<>();
            RowsInRange.Parts parts = rows.parts(tenantId, q.from(), q.to());
            for (RowsInRange.Edge edge : parts.edges()) {
                jdbc.sql("SELECT " + Dimension.PROVIDER.rowsColumn() + " AS provider, r.billing_currency AS currency, "
                                + AttributionSummaries.status("(r.resource_id IS NULL OR r.resource_id = '')") + " AS status,"
                                + " coalesce(sum(r." + metricColumn + "), 0) AS cost,"
                                + " count(*) AS n, date_trunc('month', r.charge_period_start AT TIME ZONE 'UTC')::date AS month"
                                + " FROM billing_rows r JOIN billing_sources s ON s.id = r.source_id" + AttributionSummaries.answers("r")
                                + " WHERE " + edge.onlyLoads() + " AND r.tenant_id = ?"
                                + " AND r.charge_period_start >= ? AND r.charge_period_start < ? GROUP BY 1, 2, 3, 6")
                        .params(tenantId, Timestamp.from(edge.from()), Timestamp.from(edge.to()))
                        .query(rs -> {
                            add(sums, rs, into);
                        });
            }
            if (!parts.wholeMonths().isEmpty()) {
                // A month's sums as the last computation kept them, while no sync has changed the month since; else its rollup.
                java.util.Set<java.sql.Date> kept = summaries.current(tenantId, parts.wholeMonths());
                List<java.sql.Date> summed = parts.wholeMonths().stream().filter(kept::contains).toList();
                List<java.sql.Date> rolledUp = parts.wholeMonths().stream().filter(m -> !kept.contains(m)).toList();
                if (!summed.isEmpty()) {
                    jdbc.sql(AttributionSummaries.sumsOfMonths(metricColumn)).params(tenantId, summed.toArray(new java.sql.Date[0]))
                            .query(rs -> {
                                add(sums, rs, into);
                            });
                }
                if (!rolledUp.isEmpty()) {
                    jdbc.sql(AttributionSummaries.splitOfMonths("coalesce(sum(m." + metricColumn + "), 0) AS cost, sum(m.row_count) AS n"))
                            .params(tenantId, rolledUp.toArray(new java.sql.Date[0]))
                            .query(rs -> {
                                add(sums, rs, into);
                            });
                }
            }
            return sums;
        });
        List<Attribution.Split> byCurrency = new ArrayList<>();
        List<Attribution.Split> byProvider = new ArrayList<>();
        Sums all = new Sums();
        byCurrencyAndProvider.forEach((currency, providers) -> {
            Sums ofCurrency = new Sums();
            providers.forEach((provider, sums) -> {
                ofCurrency.add(sums);
                byProvider.add(split(provider, currency, sums));
            });
            all.add(ofCurrency);
            byCurrency.add(split(null, currency, ofCurrency));
        });
        boolean oneCurrency = byCurrency.size() == 1;
        var run = jdbc.sql("SELECT computed_at, matcher_version FROM attribution_runs WHERE tenant_id = ?").param(tenantId)
                .query((rs, i) -> new Object[] {rs.getTimestamp(1), rs.getObject(2)}).optional();
        Instant computedAt = run.map(r -> r[0] == null ? null : ((Timestamp) r[0]).toInstant()).orElse(null);
        Integer version = run.map(r -> (Integer) r[1]).orElse(null);
        return new Attribution(q.from(), q.to(), q.metric().value(), oneCurrency ? byCurrency.get(0).currency() : null,
                oneCurrency ? ActualsService.money(all.total()) : null, oneCurrency ? ActualsService.money(all.cost[0]) : null,
                oneCurrency ? ActualsService.money(all.cost[1]) : null, oneCurrency ? ActualsService.money(all.cost[2]) : null,
                oneCurrency ? coverage(all) : null, all.lineCount(), all.lines[0], all.lines[1], all.lines[2], all.lines[3],
                byCurrency, byProvider, computedAt, version);
    }

    private static void add(Map<String, Map<String, Sums>> sums, java.sql.ResultSet rs, MonthlyConversion into)
            throws java.sql.SQLException {
        String currency = rs.getString("currency");
        BigDecimal cost = rs.getBigDecimal("cost");
        if (into != null && cost.signum() != 0) {
            cost = into.convert(cost, currency, java.time.YearMonth.from(rs.getDate("month").toLocalDate()));
        }
        sums.computeIfAbsent(into == null ? currency : into.target(), c -> new TreeMap<>())
                .computeIfAbsent(String.valueOf(rs.getString("provider")), p -> new Sums())
                .add(rs.getInt("status"), cost, rs.getLong("n"));
    }

    private static Attribution.Split split(String provider, String currency, Sums s) {
        return new Attribution.Split(provider, currency, ActualsService.money(s.total()), ActualsService.money(s.cost[0]), ActualsService.money(s.cost[1]), ActualsService.money(s.cost[2]),
                coverage(s), s.lineCount());
    }

    private static String coverage(Sums s) {
        BigDecimal total = s.total();
        return total.signum() == 0 ? null : s.cost[0].multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
