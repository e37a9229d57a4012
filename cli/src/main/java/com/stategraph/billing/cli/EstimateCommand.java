package com.stategraph.billing.cli;

import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "A state's list-price estimate: each resource's components, the monthly total, and the types it cannot price.")
class EstimateCommand extends ApiCommand {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Option(names = "--state", required = true, paramLabel = "STATE_ID", description = "ID of the state")
    java.util.UUID state;

    @Mixin
    FormatOption format;

    @Override
    void execute(CliContext context, ApiClient api) {
        JsonNode costs = awaitEstimate(api, "/api/v1/states/" + PathSegment.encode(state) + "/costs");
        if (format.format == OutputFormat.JSON) {
            context.printJson(costs);
            return;
        }
        boolean forPeople = format.format == OutputFormat.TABLE;
        if (forPeople) {
            EstimateLayout.print(context.out(), costs.path("instance_costs"));
        } else {
            ArrayNode rows = context.json().createArrayNode();
            for (JsonNode instance : costs.path("instance_costs")) {
                for (JsonNode c : instance.path("components")) {
                    ObjectNode row = rows.addObject();
                    row.put("address", instance.path("address").asString());
                    row.put("component", c.path("name").asString());
                    row.put("quantity", c.path("monthly_quantity").asString());
                    row.put("unit", c.path("unit").asString());
                    row.put("price", c.path("price").isNull() ? "" : c.path("price").asString());
                    row.put("monthly_cost", c.path("monthly_cost").isNull() ? "" : c.path("monthly_cost").asString());
                }
            }
            new Table().column("ADDRESS", "address").column("COMPONENT", "component").column("MONTHLY_QUANTITY", "quantity")
                    .column("UNIT", "unit").column("PRICE_USD", "price").column("MONTHLY_COST_USD", "monthly_cost")
                    .print(context, rows, format.format);
        }
        if (!forPeople) {
            return;
        }
        context.out().println();
        context.out().println("Monthly estimate: USD " + Money.format(costs.path("monthly_cost").asString(), "USD") + " (USD "
                + Money.format(costs.path("hourly_cost").asString(), "USD") + " an hour), " + costs.path("resource_count").asInt() + " resources, "
                + costs.path("priced_count").asInt() + " priced, coverage " + costs.path("coverage_percent").asString() + " %");
        StringBuilder unsupported = new StringBuilder();
        StringBuilder unpriced = new StringBuilder();
        for (JsonNode instance : costs.path("instance_costs")) {
            if (!instance.path("supported").asBoolean()) {
                unsupported.append("\n  ").append(instance.path("address").asString()).append(" (").append(instance.path("type").asString())
                        .append(")");
            } else if (instance.path("no_price").asBoolean()) {
                unpriced.append("\n  ").append(instance.path("address").asString());
            }
        }
        if (!unsupported.isEmpty()) {
            context.out().println("Not estimated (type not supported):" + unsupported);
        }
        if (!unpriced.isEmpty()) {
            context.out().println("Without a price in the price book for some component:" + unpriced);
        }
    }

    /** The estimate, waiting up to a minute while the server calculates the first one. */
    static JsonNode awaitEstimate(ApiClient api, String path) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode answer = api.get(path);
        while ("computing".equals(answer.path("status").asString(null))) {
            if (Instant.now().isAfter(deadline)) {
                throw new ServerRefusal("the estimate is still being calculated after " + WAIT.toSeconds() + " s; try again later");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerRefusal("interrupted while the estimate was being calculated");
            }
            answer = api.get(path);
        }
        return answer;
    }

    @Command(name = "estimates", mixinStandardHelpOptions = true,
            description = "The tenant's list-price estimate: each state, and the total by provider, type and (--tag-key) tag value.")
    static class Tenant extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Option(names = "--tag-key", description = "Also group by the values of this tag")
        String tagKey;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            JsonNode view = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs"
                    + (tagKey == null ? "" : "?tag_key=" + PathSegment.encode(tagKey)));
            if (format.format == OutputFormat.JSON) {
                context.printJson(view);
                return;
            }
            boolean forPeople = format.format == OutputFormat.TABLE;
            ArrayNode rows = context.json().createArrayNode();
            add(rows, "state", view.path("states"), "name", forPeople);
            add(rows, "provider", view.path("by_provider"), "key", forPeople);
            add(rows, "type", view.path("by_type"), "key", forPeople);
            add(rows, "tag " + tagKey, view.path("by_tag"), "key", forPeople);
            new Table().column("BY", "by").column("KEY", "key").column("RESOURCES", "resource_count")
                    .column("MONTHLY_COST_USD", "monthly_cost").print(context, rows, format.format);
            if (forPeople) {
                context.out().println();
                context.out().println("Monthly estimate: " + Money.format(view.path("monthly_cost").asString(), "USD") + " USD, "
                        + view.path("resource_count").asInt() + " resources, coverage " + view.path("coverage_percent").asString() + " %");
            }
        }

        private static void add(ArrayNode rows, String by, JsonNode groups, String keyField, boolean forPeople) {
            for (JsonNode g : groups) {
                ObjectNode row = rows.addObject();
                row.put("by", by);
                row.put("key", g.path(keyField).asString());
                row.put("resource_count", g.path("resource_count").asInt());
                row.put("monthly_cost", forPeople ? Money.format(g.path("monthly_cost").asString(), "USD")
                        : g.path("monthly_cost").asString());
            }
        }
    }
}
