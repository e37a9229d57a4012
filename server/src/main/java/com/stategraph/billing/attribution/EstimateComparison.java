package com.stategraph.billing.attribution;

import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.MonthlyConversion;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.states.TerraformState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A month's estimate next to what was really spent. The estimate of a resource for a month is
 * each snapshot in force during the month, for the hours it was in force (the month's own hours,
 * not 730; for the month in progress, until now), at its monthly cost / 730 an hour. The actual
 * is the effective cost of the lines attributed to the resource that month, in USD (the price
 * book's currency; spend in other currencies is named, not converted).
 */
@Service
public class EstimateComparison {
    private static final BigDecimal HOURS_A_MONTH = BigDecimal.valueOf(730);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    EstimateComparison(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Schema(name = "ComparisonRow")
    public record Row(String key, @JsonProperty("estimated_cost") String estimatedCost, @JsonProperty("actual_cost") String actualCost,
                      @Schema(description = "actual - estimated") String difference,
                      @Schema(nullable = true, description = "actual / estimated, 4 decimals; null without an estimate") String ratio,
                      @JsonProperty("line_count") long lineCount) {
    }

    @Schema(name = "Comparison")
    public record Comparison(String month, String currency, @JsonProperty("group_by") String groupBy,
                             @Schema(nullable = true) @JsonProperty("tag_key") String tagKey,
                             @Schema(description = "the estimate counts the hours up to here") @JsonProperty("estimated_until") Instant estimatedUntil,
                             Row total, List<Row> groups,
                             @JsonProperty("spend_without_estimate") List<String> spendWithoutEstimate,
                             @JsonProperty("estimate_without_spend") List<String> estimateWithoutSpend,
                             @Schema(description = "currencies of attributed spend other than USD, left out of the comparison")
                             @JsonProperty("other_currencies") List<String> otherCurrencies) {
    }

    /** One resource's month: which state and address, its type and tags, estimate and actual. */
    private static final class Resource {
        String stateName;
        String address;
        String type;
        Map<String, String> tags = Map.of();
        BigDecimal estimated = BigDecimal.ZERO;
        boolean hasEstimate;
        BigDecimal actual = BigDecimal.ZERO;
        long lines;
    }

    /** The tenant's month, grouped by state, resource type or a tag's values. */
    public Comparison tenant(UUID tenantId, String month, String groupBy, String tagKey) {
        return tenant(tenantId, month, List.of(new Grouping(groupBy, tagKey))).get(0);
    }

    /**
     * The same with the actual spend of other currencies converted into USD by {@code intoUsd} (given the
     * month), instead of listed apart in {@code other_currencies}.
     */
    public Comparison tenant(UUID tenantId, String month, String groupBy, String tagKey,
                             java.util.function.Function<YearMonth, MonthlyConversion> intoUsd) {
        Grouping g = new Grouping(groupBy, tagKey);
        YearMonth m = month(month);
        String by = groupBy == null ? "state" : groupBy;
        return group(read(tenantId, null, m, intoUsd.apply(m)), null, by, "tag".equals(by) ? tagKey : null, key(g));
    }

    /** A grouping of a tenant's month: state, type, or tag with its key. */
    public record Grouping(String groupBy, String tagKey) {
    }

    /** The tenant's month grouped several ways from one read of its estimates and attributed spend. */
    public List<Comparison> tenant(UUID tenantId, String month, List<Grouping> groupings) {
        List<Function<Resource, String>> keys = new ArrayList<>();
        for (Grouping g : groupings) {
            keys.add(key(g));
        }
        Read read = read(tenantId, null, month(month), null);
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < groupings.size(); i++) {
            String by = groupings.get(i).groupBy() == null ? "state" : groupings.get(i).groupBy();
            out.add(group(read, null, by, "tag".equals(by) ? groupings.get(i).tagKey() : null, keys.get(i)));
        }
        return out;
    }

    private static Function<Resource, String> key(Grouping g) {
        String by = g.groupBy() == null ? "state" : g.groupBy();
        return switch (by) {
            case "state" -> r -> r.stateName;
            case "type" -> r -> r.type;
            case "tag" -> {
                String tagKey = g.tagKey();
                if (tagKey == null || tagKey.isBlank()) {
                    throw new InvalidInputException("INVALID_PARAMETER", "group_by=tag needs tag_key");
                }
                yield r -> r.tags.getOrDefault(tagKey, "untagged");
            }
            default -> throw new InvalidInputException("INVALID_PARAMETER", "group_by is one of state, type, tag");
        };
    }

    /** One state's month, per resource address. */
    public Comparison state(TerraformState state, String month) {
        return group(read(state.tenantId(), state.id(), month(month), null), state.id(), "resource", null, r -> r.address);
    }

    /** A month's resources with their estimate and attributed spend, before any grouping. */
    private record Read(YearMonth month, Instant until, Map<String, Resource> resources, List<String> otherCurrencies) {
    }

    private Read read(UUID tenantId, UUID stateId, YearMonth month, MonthlyConversion intoUsd) {
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = clock.instant();
        Instant until = now.isBefore(monthEnd) ? (now.isAfter(start) ? now : start) : monthEnd;
        Map<String, Resource> resources = new TreeMap<>();
        jdbc.sql("WITH snaps AS (SELECT s.id, s.state_id, s.state_name, s.removed, greatest(s.calculated_at, :start) AS f,"
                        + "   least(coalesce(lead(s.calculated_at) OVER (PARTITION BY s.state_id ORDER BY s.calculated_at, s.id), :until), :until) AS t"
                        + "   FROM estimate_snapshots s WHERE s.tenant_id = :tenant AND (:state::uuid IS NULL OR s.state_id = :state)"
                        + "   AND s.calculated_at < :until)"
                        + " SELECT sn.state_id, sn.state_name, i.address, i.type, i.tags::text AS tags,"
                        + "   sum(i.monthly_cost * extract(epoch FROM sn.t - sn.f)) AS cost_seconds"
                        + " FROM snaps sn JOIN estimate_instances i ON i.tenant_id = :tenant AND i.snapshot_id = sn.id"
                        + " WHERE sn.t > sn.f AND NOT sn.removed GROUP BY 1, 2, 3, 4, 5")
                .param("start", Timestamp.from(start)).param("until", Timestamp.from(until)).param("tenant", tenantId)
                .param("state", stateId)
                .query(rs -> {
                    Resource r = resources.computeIfAbsent(rs.getString("state_id") + " " + rs.getString("address"), k -> new Resource());
                    r.stateName = rs.getString("state_name");
                    r.address = rs.getString("address");
                    r.type = rs.getString("type");
                    r.tags = tags(rs.getString("tags"));
                    r.hasEstimate = true;
                    // monthly cost x hours / 730, the hours counted in seconds
                    r.estimated = r.estimated.add(rs.getBigDecimal("cost_seconds")
                            .divide(HOURS_A_MONTH.multiply(BigDecimal.valueOf(3600)), 10, RoundingMode.HALF_EVEN));
                });
        List<String> otherCurrencies = new ArrayList<>();
        jdbc.sql("SELECT a.state_id, s.name, a.address, m.billing_currency, tr.type, tr.tags::text AS tags,"
                        + " sum(m.effective_cost) AS cost, sum(m.row_count) AS n FROM cost_monthly_resources m"
                        + " JOIN attribution_resources a ON a.tenant_id = m.tenant_id AND a.resource_id = m.resource_id AND a.state_id IS NOT NULL"
                        + " JOIN terraform_states s ON s.tenant_id = a.tenant_id AND s.id = a.state_id"
                        + " LEFT JOIN terraform_resources tr ON tr.tenant_id = a.tenant_id AND tr.state_id = a.state_id AND tr.address = a.address"
                        + " WHERE m.tenant_id = ? AND m.month = ? AND (?::uuid IS NULL OR a.state_id = ?)"
                        + " GROUP BY 1, 2, 3, 4, 5, 6")
                .params(tenantId, java.sql.Date.valueOf(month.atDay(1)), stateId, stateId)
                .query(rs -> {
                    String currency = rs.getString("billing_currency");
                    BigDecimal cost = rs.getBigDecimal("cost");
                    if (!"USD".equals(currency)) {
                        if (intoUsd == null) {
                            if (!otherCurrencies.contains(currency)) {
                                otherCurrencies.add(currency);
                            }
                            return;
                        }
                        cost = cost.signum() == 0 ? cost : intoUsd.convert(cost, currency, month);
                    }
                    Resource r = resources.computeIfAbsent(rs.getString("state_id") + " " + rs.getString("address"), k -> new Resource());
                    if (r.address == null) {
                        r.stateName = rs.getString("name");
                        r.address = rs.getString("address");
                        r.type = rs.getString("type") == null ? "(removed)" : rs.getString("type");
                        r.tags = tags(rs.getString("tags"));
                    }
                    r.actual = r.actual.add(cost);
                    r.lines += rs.getLong("n");
                });
        otherCurrencies.sort(String::compareTo);
        return new Read(month, until, resources, otherCurrencies);
    }

    private static Comparison group(Read read, UUID stateId, String groupBy, String tagKey, Function<Resource, String> key) {
        Map<String, Resource> groups = new LinkedHashMap<>();
        Resource total = new Resource();
        List<String> spendWithoutEstimate = new ArrayList<>();
        List<String> estimateWithoutSpend = new ArrayList<>();
        for (Resource r : read.resources().values()) {
            Resource g = groups.computeIfAbsent(String.valueOf(key.apply(r)), k -> new Resource());
            for (Resource sum : List.of(g, total)) {
                sum.estimated = sum.estimated.add(r.estimated);
                sum.actual = sum.actual.add(r.actual);
                sum.lines += r.lines;
            }
            String name = stateId == null ? r.stateName + ": " + r.address : r.address;
            if (r.lines > 0 && (!r.hasEstimate || r.estimated.signum() == 0)) {
                spendWithoutEstimate.add(name);
            } else if (r.lines == 0 && r.estimated.signum() > 0) {
                estimateWithoutSpend.add(name);
            }
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((k, g) -> rows.add(row(k, g)));
        rows.sort((a, b) -> new BigDecimal(b.actualCost()).add(new BigDecimal(b.estimatedCost()))
                .compareTo(new BigDecimal(a.actualCost()).add(new BigDecimal(a.estimatedCost()))));
        return new Comparison(read.month().toString(), "USD", groupBy, tagKey, read.until(), row("total", total), rows,
                spendWithoutEstimate, estimateWithoutSpend, read.otherCurrencies());
    }

    private static Row row(String key, Resource r) {
        BigDecimal estimated = r.estimated.setScale(10, RoundingMode.HALF_EVEN);
        String ratio = estimated.signum() == 0 ? null : r.actual.divide(estimated, 4, RoundingMode.HALF_EVEN).toPlainString();
        return new Row(key, ActualsService.money(estimated), ActualsService.money(r.actual),
                ActualsService.money(r.actual.subtract(estimated)), ratio, r.lines);
    }

    private Map<String, String> tags(String text) {
        if (text == null) {
            return Map.of();
        }
        Map<String, String> tags = new TreeMap<>();
        JsonNode node = json.readTree(text);
        node.properties().forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
        return tags;
    }

    private YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("INVALID_PARAMETER", "month '" + text + "' is not of the form YYYY-MM");
        }
    }
}
