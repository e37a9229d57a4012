package com.stategraph.billing.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.domain.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An estimate next to what was really spent, grouped: the answer both bases give (run rate and a
 * month's span), and the rule of when the two may be compared at all.
 */
public final class Compared {
    /** Below this a monthly estimate says nothing a percentage could: $0.14 against $264 is not "1950x". */
    static final BigDecimal SMALLEST_COMPARABLE = BigDecimal.ONE;
    static final BigDecimal HOURS_A_MONTH = BigDecimal.valueOf(730);

    private Compared() {
    }

    @Schema(name = "ComparisonRow")
    public record Row(String key,
                      @Schema(nullable = true, description = "run rate: the current snapshot's monthly estimate")
                      @JsonProperty("estimated_monthly") String estimatedMonthly,
                      @Schema(nullable = true, description = "month: the estimate for the span's hours")
                      @JsonProperty("estimated_cost") String estimatedCost,
                      @JsonProperty("actual_cost") @Schema(description = "effective cost of the attributed lines in the window or span")
                      String actualCost,
                      @JsonProperty("billed_days") @Schema(description = "days of the window or span with attributed lines") int billedDays,
                      @Schema(nullable = true, description = "run rate: actual_cost x 730 / (24 x billed_days)")
                      @JsonProperty("actual_monthly_run_rate") String actualMonthlyRunRate,
                      @Schema(nullable = true, description = "actual - estimate; null when not comparable") String difference,
                      @Schema(nullable = true, description = "difference / estimate x 100, 1 decimal; null when not comparable")
                      @JsonProperty("difference_percent") String differencePercent,
                      boolean comparable,
                      @Schema(nullable = true, description = "why not: no estimate, an estimate under 1 USD a month, no billed day")
                      @JsonProperty("not_comparable") String notComparable,
                      @JsonProperty("line_count") long lineCount) {
    }

    @Schema(name = "Comparison")
    public record Comparison(@Schema(allowableValues = {"run_rate", "month"}) String basis,
                             @Schema(description = "always effective: what was paid after discounts and credits") String metric,
                             String currency, @JsonProperty("group_by") String groupBy,
                             @Schema(nullable = true) @JsonProperty("tag_key") String tagKey,
                             @Schema(nullable = true, description = "run rate: the window's days") Integer days,
                             @Schema(nullable = true, description = "month basis: YYYY-MM") String month,
                             @Schema(nullable = true, description = "first day counted (UTC)") @JsonProperty("span_start") LocalDate spanStart,
                             @Schema(nullable = true, description = "last day counted (UTC)") @JsonProperty("span_end") LocalDate spanEnd,
                             @Schema(nullable = true, description = "why nothing could be compared, when so") String note,
                             Row total, List<Row> groups,
                             @JsonProperty("spend_without_estimate") List<String> spendWithoutEstimate,
                             @JsonProperty("estimate_without_spend") List<String> estimateWithoutSpend,
                             @Schema(description = "currencies of attributed spend other than USD, left out of the comparison")
                             @JsonProperty("other_currencies") List<String> otherCurrencies) {
    }

    /** A grouping: state, type, or tag with its key. */
    public record Grouping(String groupBy, String tagKey) {
    }

    /** One resource: where it is, its estimate and what it cost. */
    static final class Item {
        String stateName;
        String address;
        String type;
        Map<String, String> tags = Map.of();
        boolean hasEstimate;
        BigDecimal estimated = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        Set<LocalDate> days = new HashSet<>();
        long lines;
        /** Run rate basis: a resource's own, a group's the sum of its resources'. */
        BigDecimal runRate = BigDecimal.ZERO;
    }

    /** The resources of each state's current snapshot, with their monthly estimates. */
    static void currentEstimates(org.springframework.jdbc.core.simple.JdbcClient jdbc, tools.jackson.databind.ObjectMapper json,
                                 java.util.UUID tenantId, java.util.UUID stateId, Map<String, Item> items) {
        jdbc.sql("""
                        SELECT s.state_id, s.state_name, i.address, i.type, i.tags::text AS tags, i.supported, i.monthly_cost
                        FROM (SELECT DISTINCT ON (state_id) id, state_id, state_name, removed FROM estimate_snapshots
                              WHERE tenant_id = :tenant AND (:state::uuid IS NULL OR state_id = :state)
                              ORDER BY state_id, calculated_at DESC, id) s
                        JOIN estimate_instances i ON i.tenant_id = :tenant AND i.snapshot_id = s.id
                        WHERE NOT s.removed""")
                .param("tenant", tenantId).param("state", stateId)
                .query(rs -> {
                    Item r = items.computeIfAbsent(rs.getString("state_id") + " " + rs.getString("address"), k -> new Item());
                    r.stateName = rs.getString("state_name");
                    r.address = rs.getString("address");
                    r.type = rs.getString("type");
                    r.tags = tags(json, rs.getString("tags"));
                    r.hasEstimate = rs.getBoolean("supported");
                    r.estimated = rs.getBigDecimal("monthly_cost");
                });
    }

    static Map<String, String> tags(tools.jackson.databind.ObjectMapper json, String text) {
        Map<String, String> tags = new java.util.TreeMap<>();
        if (text != null) {
            json.readTree(text).properties().forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
        }
        return tags;
    }

    /** A resource billed in the window that its state no longer holds. */
    static Item gone() {
        Item gone = new Item();
        gone.type = "(no longer in the state)";
        return gone;
    }

    /** An answer for one grouping: its name, tag key (for tag) and how it keys a resource. */
    @FunctionalInterface
    interface Answer {
        Comparison of(String groupBy, String tagKey, Function<Item, String> key);
    }

    /** One answer per grouping, every grouping checked before any is answered. */
    static List<Comparison> eachGrouping(List<Grouping> groupings, Answer answer) {
        List<Function<Item, String>> keys = groupings.stream().map(Compared::key).toList();
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < groupings.size(); i++) {
            String by = groupings.get(i).groupBy() == null ? "state" : groupings.get(i).groupBy();
            out.add(answer.of(by, "tag".equals(by) ? groupings.get(i).tagKey() : null, keys.get(i)));
        }
        return out;
    }

    static Function<Item, String> key(Grouping g) {
        String by = g.groupBy() == null ? "state" : g.groupBy();
        return switch (by) {
            case "state" -> r -> r.stateName;
            case "type" -> r -> r.type;
            case "resource" -> r -> r.address;
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

    /** The basis's own reading of a group: what it compares. */
    interface Basis {
        /** The estimate compared (monthly, or for the span). */
        BigDecimal estimate(Item group);

        /** The estimate as a monthly figure, for the 1 USD a month rule. */
        BigDecimal monthlyEstimate(Item group);

        /** Why nothing at all can be compared (a month with no day of both); null when rows are judged one by one. */
        default String whyNot() {
            return null;
        }

        /** The actual compared (a run rate, or the span's cost). */
        BigDecimal actual(Item group);

        Row row(String key, Item group, String estimate, String actual, String difference, String percent, String why);
    }

    /** Groups {@code items}; a group's days are those any of its resources was billed. */
    static Grouped group(Iterable<Item> items, boolean perResource, Function<Item, String> key) {
        Map<String, Item> groups = new LinkedHashMap<>();
        Item total = new Item();
        total.hasEstimate = true;
        List<String> spendWithout = new ArrayList<>();
        List<String> estimateWithout = new ArrayList<>();
        for (Item r : items) {
            Item g = groups.computeIfAbsent(String.valueOf(key.apply(r)), k -> {
                Item fresh = new Item();
                fresh.hasEstimate = false;
                return fresh;
            });
            for (Item sum : List.of(g, total)) {
                sum.estimated = sum.estimated.add(r.estimated);
                sum.actual = sum.actual.add(r.actual);
                sum.days.addAll(r.days);
                sum.lines += r.lines;
                sum.runRate = sum.runRate.add(r.runRate);
                sum.hasEstimate |= r.hasEstimate;
            }
            String name = perResource ? r.address : r.stateName + ": " + r.address;
            if (r.lines > 0 && (!r.hasEstimate || r.estimated.signum() == 0)) {
                spendWithout.add(name);
            } else if (r.lines == 0 && r.estimated.signum() > 0) {
                estimateWithout.add(name);
            }
        }
        return new Grouped(groups, total, spendWithout, estimateWithout);
    }

    record Grouped(Map<String, Item> groups, Item total, List<String> spendWithoutEstimate, List<String> estimateWithoutSpend) {
        List<Row> rows(Basis basis) {
            List<Row> rows = new ArrayList<>();
            groups.forEach((k, g) -> rows.add(row(k, g, basis)));
            rows.sort((a, b) -> weight(b).compareTo(weight(a)));
            return rows;
        }

        private static BigDecimal weight(Row r) {
            BigDecimal w = new BigDecimal(r.actualCost());
            for (String s : new String[] {r.estimatedMonthly(), r.estimatedCost()}) {
                w = s == null ? w : w.add(new BigDecimal(s));
            }
            return w;
        }
    }

    /** A group's row: difference and percentage only when there is something to compare. */
    static Row row(String key, Item g, Basis basis) {
        BigDecimal estimate = basis.estimate(g).setScale(10, RoundingMode.HALF_EVEN);
        BigDecimal actual = basis.actual(g);
        String why = basis.whyNot() != null ? basis.whyNot() : !g.hasEstimate ? "not estimated"
                : basis.monthlyEstimate(g).compareTo(SMALLEST_COMPARABLE) < 0 ? "the estimate is under 1 USD a month"
                : g.days.isEmpty() ? "no billed day to compare with" : null;
        String difference = why == null ? ActualsService.money(actual.subtract(estimate)) : null;
        String percent = why == null ? actual.subtract(estimate).multiply(BigDecimal.valueOf(100))
                .divide(estimate, 1, RoundingMode.HALF_EVEN).toPlainString() : null;
        return basis.row(key, g, ActualsService.money(estimate), ActualsService.money(actual), difference, percent, why);
    }
}
