package com.stategraph.billing.costs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tag coverage, as the FinOps Foundation's FOCUS use case defines it: for each tag key, the share of
 * cost whose rows carry that key (any value), in each currency, in all and per provider and service.
 * Read from the daily tag-set rollup (a row per day and whole tag set), never from the billing rows.
 */
@Service
public class TagCoverage {
    private final JdbcClient jdbc;
    private final CostQueryParser parser;
    private final boolean foldKeys;

    TagCoverage(JdbcClient jdbc, CostQueryParser parser, @Value("${stategraph.tags.case-insensitive-keys:false}") boolean foldKeys) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.foldKeys = foldKeys;
    }

    @Schema(name = "TagCoverageShare")
    public record Share(@Schema(nullable = true) String provider, @Schema(nullable = true) @JsonProperty("service_name") String serviceName,
                        @JsonProperty("tagged_cost") String taggedCost, @JsonProperty("total_cost") String totalCost,
                        @Schema(nullable = true, description = "tagged per 100 of the total, two decimals; null when the total is 0")
                        @JsonProperty("coverage_percent") String coveragePercent) {
    }

    @Schema(name = "TagKeyCoverage")
    public record KeyCoverage(@JsonProperty("tag_key") String tagKey, String currency, @JsonProperty("tagged_cost") String taggedCost,
                              @JsonProperty("total_cost") String totalCost,
                              @Schema(nullable = true) @JsonProperty("coverage_percent") String coveragePercent,
                              @JsonProperty("by_provider") List<Share> byProvider, @JsonProperty("by_service") List<Share> byService) {
    }

    @Schema(name = "TagCoverage")
    public record Coverage(@JsonProperty("window_start") LocalDate windowStart, @JsonProperty("window_end") LocalDate windowEnd,
                           String metric, List<KeyCoverage> results) {
    }

    private static final class Sum {
        BigDecimal tagged = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
    }

    /** {@code [from, to)} on the charge day (default the month so far); metric default effective. Keys by coverage, highest first. */
    public Coverage of(UUID tenantId, String from, String to, String metric) {
        return of(tenantId, from, to, metric, null);
    }

    /**
     * The same, converted by {@code conversion} (given the range's first day and the day after its last;
     * null: each currency apart): each month's sums at its rate, then summed per key.
     */
    public Coverage of(UUID tenantId, String from, String to, String metric,
                       java.util.function.BiFunction<LocalDate, LocalDate, MonthlyConversion> conversion) {
        CostQuery q = parser.parse(tenantId, CostQueryParser.Params.range(from, to, metric));
        MonthlyConversion into = conversion == null ? null : conversion.apply(q.from(), q.to());
        String key = foldKeys ? "lower(k)" : "k";
        // Each tag set once per provider, service and currency, then every key the range's sets name against every set.
        Map<String, Map<String, Sum>> totals = new LinkedHashMap<>();
        // The rollup keeps each set by its dictionary id (V45): summed by id, then the set's JSON ('{}' for lines without tags).
        jdbc.sql("WITH sets AS (SELECT g.provider, g.service_name, g.billing_currency, coalesce(j.value, '{}'::jsonb) AS tags, g.month,"
                        + "   g.cost FROM (SELECT tenant_id, provider, service_name, billing_currency, tags_key,"
                        + "   date_trunc('month', day)::date AS month, sum(" + q.metric().column() + ") AS cost"
                        + "   FROM cost_daily_tag_sets WHERE tenant_id = ? AND day >= ? AND day < ? GROUP BY 1, 2, 3, 4, 5, 6) g"
                        // the tenant as a constant: through the grouping PostgreSQL would hash every tenant's tag sets
                        + "   LEFT JOIN billing_json j ON j.tenant_id = ? AND j.id = g.tags_key),"
                        + " keys AS (SELECT DISTINCT " + key + " AS tag_key FROM sets, jsonb_object_keys(sets.tags) k)"
                        + " SELECT keys.tag_key, s.billing_currency, s.provider, s.service_name, s.month,"
                        // A key given with a JSON null value allocates nothing: not tagged, as a key not given at all.
                        + "   coalesce(sum(s.cost) FILTER (WHERE EXISTS (SELECT 1 FROM jsonb_each(s.tags) e WHERE "
                        + (foldKeys ? "lower(e.key)" : "e.key") + " = keys.tag_key AND jsonb_typeof(e.value) <> 'null')), 0) AS tagged,"
                        + "   sum(s.cost) AS total"
                        + " FROM keys CROSS JOIN sets s GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5")
                .params(tenantId, Date.valueOf(q.from()), Date.valueOf(q.to()), tenantId)
                .query(rs -> {
                    String currency = rs.getString("billing_currency");
                    java.time.YearMonth month = java.time.YearMonth.from(rs.getDate("month").toLocalDate());
                    Map<String, Sum> parts = totals.computeIfAbsent(rs.getString("tag_key") + "\u0000"
                            + (into == null ? currency : into.target()), k -> new LinkedHashMap<>());
                    Sum part = parts.computeIfAbsent(rs.getString("provider") + "\u0000" + nullToEmpty(rs.getString("service_name")),
                            k -> new Sum());
                    BigDecimal tagged = rs.getBigDecimal("tagged");
                    BigDecimal total = rs.getBigDecimal("total");
                    part.tagged = part.tagged.add(into == null || tagged.signum() == 0 ? tagged : into.convert(tagged, currency, month));
                    part.total = part.total.add(into == null || total.signum() == 0 ? total : into.convert(total, currency, month));
                });
        List<KeyCoverage> results = new ArrayList<>();
        totals.forEach((keyAndCurrency, parts) -> {
            String[] kc = keyAndCurrency.split("\u0000", 2);
            Map<String, Sum> providers = new LinkedHashMap<>();
            Sum all = new Sum();
            List<Share> services = new ArrayList<>();
            parts.forEach((providerAndService, sum) -> {
                String[] ps = providerAndService.split("\u0000", 2);
                Sum provider = providers.computeIfAbsent(ps[0], p -> new Sum());
                for (Sum s : List.of(provider, all)) {
                    s.tagged = s.tagged.add(sum.tagged);
                    s.total = s.total.add(sum.total);
                }
                services.add(share(ps[0], ps[1].isEmpty() ? null : ps[1], sum));
            });
            List<Share> byProvider = new ArrayList<>();
            providers.forEach((p, sum) -> byProvider.add(share(p, null, sum)));
            results.add(new KeyCoverage(kc[0], kc[1], ActualsService.money(all.tagged), ActualsService.money(all.total),
                    percent(all), byProvider, services));
        });
        results.sort((a, b) -> {
            int byCoverage = compareNullsLast(b.coveragePercent(), a.coveragePercent());
            return byCoverage != 0 ? byCoverage : (a.tagKey() + a.currency()).compareTo(b.tagKey() + b.currency());
        });
        return new Coverage(q.from(), q.to(), q.metric().value(), results);
    }

    private static Share share(String provider, String service, Sum sum) {
        return new Share(provider, service, ActualsService.money(sum.tagged), ActualsService.money(sum.total), percent(sum));
    }

    private static String percent(Sum sum) {
        return sum.total.signum() == 0 ? null
                : sum.tagged.multiply(BigDecimal.valueOf(100)).divide(sum.total, 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static int compareNullsLast(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return new BigDecimal(a).compareTo(new BigDecimal(b));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
