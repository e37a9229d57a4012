package com.stategraph.billing.attribution;

import com.stategraph.billing.costs.ActualsService;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.MonthlyConversion;
import com.stategraph.billing.costs.CostQueryParser;
import com.stategraph.billing.load.ResourceBlocks;
import com.stategraph.billing.states.TerraformState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What a state's resources really cost in a range: the billing lines attributed to them. */
@Service
public class StateActuals {
    private final JdbcClient jdbc;
    private final CostQueryParser parser;
    private final RowsInRange rows;

    StateActuals(JdbcClient jdbc, CostQueryParser parser, RowsInRange rows) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.rows = rows;
    }

    @Schema(name = "ResourceActuals")
    public record ResourceActuals(String address, @JsonProperty("billed_cost") String billedCost,
                                  @JsonProperty("effective_cost") String effectiveCost, @JsonProperty("line_count") long lineCount,
                                  String currency) {
    }

    /** The state's totals, absent (with currency) when its lines mix currencies; one entry per address and currency. */
    @Schema(name = "StateActuals")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actuals(@JsonProperty("window_start") java.time.LocalDate windowStart,
                          @JsonProperty("window_end") java.time.LocalDate windowEnd,
                          @Schema(nullable = true) @JsonProperty("billed_cost") String billedCost,
                          @Schema(nullable = true) @JsonProperty("effective_cost") String effectiveCost,
                          @JsonProperty("line_count") long lineCount, @Schema(nullable = true) String currency,
                          List<ResourceActuals> resources) {
    }

    public Actuals of(TerraformState state, String from, String to) {
        return of(state, from, to, null);
    }

    /**
     * The same, converted by {@code conversion} (given the range's first day and the day after its last;
     * null: each currency apart): each month's sums at its rate, one entry per address.
     */
    public Actuals of(TerraformState state, String from, String to,
                      java.util.function.BiFunction<java.time.LocalDate, java.time.LocalDate, MonthlyConversion> conversion) {
        CostQuery q = parser.parse(state.tenantId(), CostQueryParser.Params.range(from, to, "billed"));
        MonthlyConversion into = conversion == null ? null : conversion.apply(q.from(), q.to());
        // Whole months from the monthly resource rollup, the edges of a range that cuts a month from the billing rows.
        List<ResourceActuals> resources = rows.onSnapshot(() -> {
            RowsInRange.Parts parts = rows.parts(state.tenantId(), q.from(), q.to());
            List<String> pieces = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (!parts.wholeMonths().isEmpty()) {
                // Only the blocks of the state's resources (V50: 128 ids a block), each read once however many of them it holds.
                pieces.add("SELECT a.address, d.billing_currency AS currency, e.billed, e.effective, e.n, b.month"
                        + " FROM (SELECT DISTINCT resource_key >> " + ResourceBlocks.SHIFT + " AS block FROM attribution_resources"
                        + " WHERE tenant_id = ? AND state_id = ?) k"
                        + " JOIN cost_resource_blocks b ON b.tenant_id = ? AND b.block = k.block AND b.month = ANY (?)"
                        + " CROSS JOIN LATERAL unnest(b.resource_keys, b.dims, b.billed_cost, b.effective_cost, b.row_counts)"
                        + " AS e (resource_key, dims, billed, effective, n)"
                        + " JOIN attribution_resources a ON a.tenant_id = b.tenant_id AND a.state_id = ? AND a.resource_key = e.resource_key"
                        + " JOIN cost_resource_dims d ON d.tenant_id = b.tenant_id AND d.id = e.dims");
                params.addAll(List.of(state.tenantId(), state.id(), state.tenantId(), parts.wholeMonths().toArray(new java.sql.Date[0]),
                        state.id()));
            }
            for (RowsInRange.Edge edge : parts.edges()) {
                pieces.add("SELECT a.address, r.billing_currency AS currency, r.billed_cost AS billed,"
                        + " coalesce(r.effective_cost, 0) AS effective, 1 AS n,"
                        + " date_trunc('month', r.charge_period_start AT TIME ZONE 'UTC')::date AS month FROM billing_rows r JOIN attribution_resources a"
                        + " ON a.tenant_id = r.tenant_id AND a.resource_key = r.resource_key AND a.state_id = ?"
                        + " WHERE " + edge.onlyLoads() + " AND r.tenant_id = ? AND r.charge_period_start >= ? AND r.charge_period_start < ?");
                params.addAll(List.of(state.id(), state.tenantId(), Timestamp.from(edge.from()), Timestamp.from(edge.to())));
            }
            if (pieces.isEmpty()) {
                return List.<ResourceActuals>of();
            }
            // per address, currency and month: each month is converted at its own rate, then the months are summed
            Map<String, BigDecimal[]> sums = new java.util.LinkedHashMap<>();
            Map<String, long[]> counts = new java.util.HashMap<>();
            jdbc.sql("SELECT address, currency, month, sum(billed) AS billed, sum(effective) AS effective, sum(n) AS n FROM ("
                            + String.join(" UNION ALL ", pieces) + ") p GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
                    .params(params)
                    .query(rs -> {
                        String currency = rs.getString("currency");
                        String key = rs.getString("address") + "\u0000" + (into == null ? currency : into.target());
                        java.time.YearMonth month = java.time.YearMonth.from(rs.getDate("month").toLocalDate());
                        BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        BigDecimal b = rs.getBigDecimal("billed");
                        BigDecimal e = rs.getBigDecimal("effective");
                        s[0] = s[0].add(into == null || b.signum() == 0 ? b : into.convert(b, currency, month));
                        s[1] = s[1].add(into == null || e.signum() == 0 ? e : into.convert(e, currency, month));
                        counts.computeIfAbsent(key, k -> new long[1])[0] += rs.getLong("n");
                    });
            List<ResourceActuals> found = new ArrayList<>();
            sums.forEach((key, s) -> {
                String[] ac = key.split("\u0000", 2);
                found.add(new ResourceActuals(ac[0], ActualsService.money(s[0]), ActualsService.money(s[1]), counts.get(key)[0], ac[1]));
            });
            found.sort(java.util.Comparator.comparing((ResourceActuals r) -> new BigDecimal(r.billedCost())).reversed()
                    .thenComparing(ResourceActuals::address).thenComparing(ResourceActuals::currency));
            return found;
        });
        Set<String> currencies = new TreeSet<>();
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal effective = BigDecimal.ZERO;
        long lines = 0;
        for (ResourceActuals r : resources) {
            currencies.add(r.currency());
            billed = billed.add(new BigDecimal(r.billedCost()));
            effective = effective.add(new BigDecimal(r.effectiveCost()));
            lines += r.lineCount();
        }
        boolean one = currencies.size() <= 1;
        return new Actuals(q.from(), q.to(), one ? ActualsService.money(billed) : null, one ? ActualsService.money(effective) : null,
                lines, currencies.size() == 1 ? currencies.iterator().next() : null, resources);
    }
}
