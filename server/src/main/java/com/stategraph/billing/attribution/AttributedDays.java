package com.stategraph.billing.attribution;

import com.stategraph.billing.costs.MonthlyConversion;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The effective cost of the lines attributed to each managed resource, per UTC day, read from the
 * billing rows (no rollup keeps days by resource), on one snapshot; USD, or converted into it.
 */
@Component
class AttributedDays {
    private final JdbcClient jdbc;
    private final RowsInRange rows;

    AttributedDays(JdbcClient jdbc, RowsInRange rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /** One resource's lines of one day. */
    record Day(UUID stateId, String stateName, String address, LocalDate day, BigDecimal costUsd, long lines) {
    }

    /**
     * Hands every resource's day in {@code [first, last]} to {@code sink}; spend in another currency is
     * converted by {@code intoUsd} when given, else its currency is added to {@code other} and left out.
     */
    void read(UUID tenantId, UUID stateId, LocalDate first, LocalDate last, Function<YearMonth, MonthlyConversion> intoUsd,
              List<String> other, java.util.function.Consumer<Day> sink) {
        // Without a managed resource in any bill there is nothing to read: a tenant without states pays nothing for this.
        boolean anyAttributed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM attribution_resources WHERE tenant_id = ? AND state_id IS NOT NULL"
                        + (stateId == null ? "" : " AND state_id = ?") + ")")
                .params(stateId == null ? List.of(tenantId) : List.of(tenantId, stateId)).query(Boolean.class).single();
        if (!anyAttributed) {
            return;
        }
        rows.onSnapshot(() -> {
            for (RowsInRange.Edge edge : rows.byMonth(tenantId, first, last.plusDays(1))) {
                List<Object> params = new ArrayList<>(List.of(tenantId));
                if (stateId != null) {
                    params.add(stateId);
                }
                params.addAll(List.of(Timestamp.from(edge.from()), Timestamp.from(edge.to())));
                jdbc.sql("SELECT a.state_id, s.name, a.address, r.billing_currency AS currency,"
                                + " (r.charge_period_start AT TIME ZONE 'UTC')::date AS day, sum(coalesce(r.effective_cost, 0)) AS cost,"
                                + " count(*) AS n FROM billing_rows r JOIN attribution_resources a ON a.tenant_id = r.tenant_id"
                                + " AND a.resource_key = r.resource_key AND a.state_id IS NOT NULL"
                                + " JOIN terraform_states s ON s.tenant_id = a.tenant_id AND s.id = a.state_id"
                                + " WHERE " + edge.onlyLoads() + " AND r.tenant_id = ?" + (stateId == null ? "" : " AND a.state_id = ?")
                                + " AND r.charge_period_start >= ? AND r.charge_period_start < ? GROUP BY 1, 2, 3, 4, 5")
                        .params(params)
                        .query(rs -> {
                            String currency = rs.getString("currency");
                            LocalDate day = rs.getDate("day").toLocalDate();
                            BigDecimal cost = rs.getBigDecimal("cost");
                            if (!"USD".equals(currency)) {
                                if (intoUsd == null) {
                                    if (!other.contains(currency)) {
                                        other.add(currency);
                                    }
                                    return;
                                }
                                YearMonth m = YearMonth.from(day);
                                cost = cost.signum() == 0 ? cost : intoUsd.apply(m).convert(cost, currency, m);
                            }
                            sink.accept(new Day(rs.getObject("state_id", UUID.class), rs.getString("name"), rs.getString("address"), day,
                                    cost, rs.getLong("n")));
                        });
            }
            return null;
        });
    }

    /** Adds a day to its resource in {@code items}, keyed as the estimates are. */
    static void add(java.util.Map<String, Compared.Item> items, Day d) {
        Compared.Item r = items.computeIfAbsent(d.stateId() + " " + d.address(), k -> Compared.gone());
        if (r.address == null) {
            r.stateName = d.stateName();
            r.address = d.address();
        }
        r.actual = r.actual.add(d.costUsd());
        r.days.add(d.day());
        r.lines += d.lines();
    }
}
