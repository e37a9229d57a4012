package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "attribution", mixinStandardHelpOptions = true,
        description = "How much of a range's spend the tenant's Terraform states account for: attributed, unmanaged, unallocated.")
class AttributionCommand extends ApiCommand {
    @Mixin
    TenantOption tenant;

    @Mixin
    DateRangeOption range;

    @Option(names = "--metric", description = "effective (default, as every cost view), billed, list or contracted")
    String metric;

    @Mixin
    FormatOption format;

    @Override
    void execute(CliContext context, ApiClient api) {
        JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs/attribution" + range.query(metric));
        if (format.format == OutputFormat.JSON) {
            context.printJson(answer);
            return;
        }
        boolean forPeople = format.format == OutputFormat.TABLE;
        ArrayNode rows = context.json().createArrayNode();
        for (JsonNode c : answer.path("by_currency")) {
            String currency = c.path("currency").asString();
            var row = rows.addObject();
            row.put("currency", currency);
            for (String field : List.of("total_cost", "attributed_cost", "unmanaged_cost", "unallocated_cost")) {
                row.put(field, forPeople ? Money.format(c.path(field).asString(), currency) : c.path(field).asString());
            }
            row.put("coverage", c.path("coverage_percent").isString() ? c.path("coverage_percent").asString() + " %" : "-");
            row.put("lines", c.path("line_count").asLong());
        }
        new Table().column("CURRENCY", "currency").column("TOTAL", "total_cost").column("ATTRIBUTED", "attributed_cost")
                .column("UNMANAGED", "unmanaged_cost").column("UNALLOCATED", "unallocated_cost").column("COVERAGE", "coverage")
                .column("LINES", "lines").print(context, rows, format.format);
        if (forPeople) {
            context.out().println();
            context.out().println(answer.path("metric").asString() + " cost from " + answer.path("window_start").asString() + " to "
                    + answer.path("window_end").asString() + " (exclusive): " + answer.path("attributed_count").asLong() + " lines attributed, "
                    + answer.path("unmanaged_count").asLong() + " unmanaged, " + answer.path("unallocated_count").asLong()
                    + " unallocated, " + answer.path("uncomputed_count").asLong() + " not attributed yet");
        }
    }

    @Command(name = "unmanaged", mixinStandardHelpOptions = true,
            description = "The resources the bills name that no Terraform state manages, largest first.")
    static class Unmanaged extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        DateRangeOption range;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE})")
        int limit;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            if (limit < 1) {
                throw usageError("--limit must be 1 or more");
            }
            List<String> query = new ArrayList<>(range.parameters());
            query.add("limit=" + Math.min(limit, 1000));
            String base = "/api/v1/tenants/" + tenant(tenant) + "/costs/unmanaged?" + String.join("&", query);
            ArrayNode all = context.json().createArrayNode();
            String cursor = null;
            do {
                JsonNode page = api.get(base + (cursor == null ? "" : "&cursor=" + PathSegment.encode(cursor)));
                for (JsonNode r : page.path("results")) {
                    if (all.size() < limit) {
                        all.add(r);
                    }
                }
                cursor = page.path("next_cursor").isString() && all.size() < limit ? page.path("next_cursor").asString() : null;
            } while (cursor != null);
            boolean forPeople = format.format == OutputFormat.TABLE;
            new Table().column("RESOURCE_ID", "resource_id").column("PROVIDER", "provider").column("SERVICE", "service_name")
                    .column("REGION", "region_id").column("LINES", "line_count")
                    .column("BILLED", r -> forPeople ? Money.format(r.path("billed_cost").asString(), r.path("currency").asString())
                            : r.path("billed_cost").asString())
                    .column("CURRENCY", "currency").print(context, all, format.format);
        }
    }
}
