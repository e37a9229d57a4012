package com.stategraph.billing.attribution;

import com.stategraph.billing.costs.ActualsService;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.MonthlyConversion;
import com.stategraph.billing.costs.CostQueryParser;
import com.stategraph.billing.costs.Dimension;
import com.stategraph.billing.domain.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The resources a range's bills name that no state manages, largest first, a page at a time. */
@Service
public class UnmanagedResources {
    public static final int LARGEST_PAGE = 1_000;

    private final JdbcClient jdbc;
    private final CostQueryParser parser;
    private final RowsInRange rows;
    private final ObjectMapper json;
    private final AttributionSummaries summaries;

    UnmanagedResources(JdbcClient jdbc, CostQueryParser parser, RowsInRange rows, ObjectMapper json, AttributionSummaries summaries) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.rows = rows;
        this.json = json;
        this.summaries = summaries;
    }

    @Schema(name = "UnmanagedResource")
    public record Unmanaged(String provider, @Schema(nullable = true) @JsonProperty("service_name") String serviceName,
                            @JsonProperty("resource_id") String resourceId,
                            @Schema(nullable = true) @JsonProperty("resource_type") String resourceType,
                            @Schema(nullable = true) @JsonProperty("region_id") String regionId,
                            @JsonProperty("billed_cost") String billedCost, @JsonProperty("line_count") long lineCount, String currency) {
    }

    @Schema(name = "UnmanagedResources")
    public record Page(List<Unmanaged> results,
                       @Schema(nullable = true, description = "pass as cursor for the next page; null on the last")
                       @JsonProperty("next_cursor") String nextCursor) {
    }

    /** One entry per ResourceId, provider and currency, by billed cost (largest first), then ResourceId. */
    public Page page(UUID tenantId, String from, String to, int limit, String cursor) {
        return page(tenantId, from, to, limit, cursor, null);
    }

    /**
     * The same, converted by {@code conversion} (given the range's first day and the day after its last;
     * null: each currency apart): each month's billed cost at its rate, one entry per ResourceId and provider.
     */
    public Page page(UUID tenantId, String from, String to, int limit, String cursor,
                     java.util.function.BiFunction<java.time.LocalDate, java.time.LocalDate, MonthlyConversion> conversion) {
        if (limit < 1 || limit > LARGEST_PAGE) {
            throw new InvalidInputException("INVALID_PARAMETER", "limit is 1 to " + LARGEST_PAGE);
        }
        CostQuery q = parser.parse(tenantId, CostQueryParser.Params.range(from, to, "billed"));
        MonthlyConversion into = conversion == null ? null : conversion.apply(q.from(), q.to());
        JsonNode after = cursor == null ? null : decode(cursor);
        // Whole months from the monthly resource rollup (a row per resource and month); the edges of a range that cuts a
        // month's charges from the billing rows, summed per resource before they are put together.
        List<Unmanaged> found = rows.onSnapshot(() -> {
            RowsInRange.Parts parts = rows.parts(tenantId, q.from(), q.to());
            if (into == null && parts.edges().isEmpty() && parts.wholeMonths().size() == 1
                    && !summaries.current(tenantId, parts.wholeMonths()).isEmpty()) {
                // One whole month, unchanged since attribution: its largest resources as the computation ranked them.
                var kept = summaries.unmanaged(tenantId, parts.wholeMonths().get(0), limit, after == null ? null
                        : new AttributionSummaries.After(new BigDecimal(after.get(0).asString()), after.get(1).asString(),
                        after.get(2).asString(), after.get(3).asString()));
                if (kept.isPresent()) {
                    return kept.get();
                }
            }
            List<String> pieces = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (!parts.wholeMonths().isEmpty()) {
                pieces.add(AttributionSummaries.UNMANAGED_OF_MONTHS);
                params.add(tenantId);
                params.add(parts.wholeMonths().toArray(new java.sql.Date[0]));
                params.add(tenantId);
            }
            for (RowsInRange.Edge edge : parts.edges()) {
                pieces.add("SELECT " + Dimension.PROVIDER.rowsColumn() + " AS provider, min(r.service_name) AS service_name,"
                        + " r.resource_id, min(r.resource_type) AS resource_type, min(r.region_id) AS region_id,"
                        + " sum(r.billed_cost) AS billed, count(*) AS n, r.billing_currency AS currency,"
                        + " date_trunc('month', r.charge_period_start AT TIME ZONE 'UTC')::date AS month"
                        + " FROM billing_rows r JOIN billing_sources s ON s.id = r.source_id"
                        + " JOIN attribution_unmanaged_keys u ON u.tenant_id = r.tenant_id AND u.resource_key = r.resource_key"
                        + " WHERE " + edge.onlyLoads() + " AND r.tenant_id = ? AND r.charge_period_start >= ? AND r.charge_period_start < ?"
                        + " GROUP BY r.resource_id, 1, r.billing_currency, 9");
                params.addAll(List.of(tenantId, Timestamp.from(edge.from()), Timestamp.from(edge.to())));
            }
            if (pieces.isEmpty()) {
                return List.<Unmanaged>of();
            }
            String union = String.join(" UNION ALL ", pieces);
            String priced = union;
            if (into != null) {
                // every (currency, month) of the range at its rate, as a constant table: a missing rate fails here, naming it
                List<String> currencies = new ArrayList<>();
                List<java.sql.Date> months = new ArrayList<>();
                List<BigDecimal> rates = new ArrayList<>();
                jdbc.sql("SELECT DISTINCT currency, month FROM (" + union + ") p").params(params).query(rs -> {
                    String currency = rs.getString(1);
                    java.sql.Date month = rs.getDate(2);
                    currencies.add(currency);
                    months.add(month);
                    rates.add(into.convert(BigDecimal.ONE, currency, java.time.YearMonth.from(month.toLocalDate())));
                });
                priced = "SELECT p.provider, p.service_name, p.resource_id, p.resource_type, p.region_id, p.billed * x.rate AS billed,"
                        + " p.n, ? AS currency FROM (" + union + ") p JOIN unnest(?::text[], ?::date[], ?::text[]::numeric[])"
                        + " AS x (currency, month, rate) ON x.currency = p.currency AND x.month = p.month";
                List<Object> withRates = new ArrayList<>();
                withRates.add(into.target());
                withRates.addAll(params);
                withRates.add(currencies.toArray(String[]::new));
                withRates.add(months.toArray(java.sql.Date[]::new));
                withRates.add(rates.stream().map(BigDecimal::toPlainString).toArray(String[]::new));
                params.clear();
                params.addAll(withRates);
            }
            StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT provider, min(service_name) AS service_name, resource_id,"
                    + " min(resource_type) AS resource_type, min(region_id) AS region_id, sum(billed) AS billed, sum(n) AS n, currency"
                    + " FROM (" + priced + ") p GROUP BY resource_id, provider, currency) u");
            if (after != null) {
                sql.append(" WHERE billed < ? OR (billed = ? AND (resource_id, provider, currency) > (?, ?, ?))");
                BigDecimal cost = new BigDecimal(after.get(0).asString());
                params.addAll(List.of(cost, cost, after.get(1).asString(), after.get(2).asString(), after.get(3).asString()));
            }
            sql.append(" ORDER BY billed DESC, resource_id, provider, currency LIMIT ?");
            params.add(limit);
            return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Unmanaged(rs.getString("provider"),
                    rs.getString("service_name"), rs.getString("resource_id"), rs.getString("resource_type"), rs.getString("region_id"),
                    ActualsService.money(rs.getBigDecimal("billed")), rs.getLong("n"), rs.getString("currency"))).list();
        });
        String next = found.size() < limit ? null : encode(found.get(found.size() - 1));
        return new Page(found, next);
    }

    private String encode(Unmanaged last) {
        String text = json.writeValueAsString(List.of(last.billedCost(), last.resourceId(), last.provider(), last.currency()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode decode(String cursor) {
        try {
            JsonNode node = json.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (!node.isArray() || node.size() != 4) {
                throw new IllegalArgumentException("not a cursor");
            }
            new BigDecimal(node.get(0).asString());
            return node;
        } catch (RuntimeException e) {
            throw new InvalidInputException("INVALID_PARAMETER", "cursor is not one this endpoint gave (pass next_cursor as it came)");
        }
    }
}
