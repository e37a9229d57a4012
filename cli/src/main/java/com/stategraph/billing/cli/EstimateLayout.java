package com.stategraph.billing.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A state's estimate as people read it, as Infracost lays one out: each resource once with its
 * monthly subtotal, its components indented under it with quantity, price and cost. A per-request
 * price reads per 1M requests; a usage-priced component with no usage given says so.
 */
final class EstimateLayout {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private EstimateLayout() {
    }

    static void print(PrintWriter out, JsonNode instances) {
        if (instances.isEmpty()) {
            out.println("The state has no resources to estimate.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("RESOURCE / COMPONENT", "MONTHLY QUANTITY", "PRICE", "MONTHLY COST"));
        for (JsonNode instance : instances) {
            rows.add(List.of(instance.path("address").asString(), "", "", subtotal(instance)));
            for (JsonNode c : instance.path("components")) {
                rows.add(List.of("  " + c.path("name").asString(), quantity(c), price(c), cost(c, instance.path("usage_keys"))));
            }
        }
        Table.aligned(out, rows);
    }

    private static String subtotal(JsonNode instance) {
        if (!instance.path("supported").asBoolean()) {
            return "not estimated";
        }
        boolean priced = false;
        for (JsonNode c : instance.path("components")) {
            priced |= !c.path("monthly_cost").isNull();
        }
        return !priced && !instance.path("components").isEmpty() ? "no price"
                : "USD " + Money.format(instance.path("monthly_cost").asString(), "USD");
    }

    private static String quantity(JsonNode c) {
        BigDecimal q = new BigDecimal(c.path("monthly_quantity").asString());
        String unit = c.path("unit").asString();
        if (perRequest(unit) && q.compareTo(MILLION) >= 0) {
            return Money.number(q.divide(MILLION)) + "M " + unit;
        }
        return Money.number(q) + " " + unit;
    }

    private static String price(JsonNode c) {
        if (c.path("price").isNull()) {
            return "no price";
        }
        BigDecimal price = new BigDecimal(c.path("price").asString());
        String unit = c.path("unit").asString();
        if (perRequest(unit)) {
            return "USD " + Money.format(price.multiply(MILLION).toPlainString(), "USD") + " per 1M " + unit;
        }
        return "USD " + price.stripTrailingZeros().toPlainString() + " per " + singular(unit);
    }

    private static String cost(JsonNode c, JsonNode usageKeys) {
        if (c.path("monthly_cost").isNull()) {
            return "-";
        }
        if (new BigDecimal(c.path("monthly_quantity").asString()).signum() == 0) {
            List<String> keys = new ArrayList<>();
            usageKeys.forEach(k -> keys.add(k.asString()));
            if (keys.size() > 3) {
                // a type with many keys (CloudFront's per edge group) names the first two and counts the rest: a line, not a list
                return "depends on usage: set " + keys.get(0) + ", " + keys.get(1) + " or " + (keys.size() - 2) + " more";
            }
            return keys.isEmpty() ? "depends on usage" : "depends on usage: set " + String.join(" or ", keys);
        }
        return "USD " + Money.format(c.path("monthly_cost").asString(), "USD");
    }

    private static boolean perRequest(String unit) {
        return unit.toLowerCase(java.util.Locale.ROOT).contains("request") || unit.toLowerCase(java.util.Locale.ROOT).contains("invocation");
    }

    private static String singular(String unit) {
        return unit.endsWith("hours") ? unit.substring(0, unit.length() - 1) : unit;
    }
}
