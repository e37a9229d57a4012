package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "tag-coverage", mixinStandardHelpOptions = true,
        description = "How much of the spend carries each tag key, in each currency (--by provider or service for the split).")
class TagCoverageCommand extends ApiCommand {
    @Mixin
    TenantOption tenant;

    @Mixin
    DateRangeOption range;

    @Option(names = "--metric", description = "effective (default), billed, list or contracted")
    String metric;

    @Option(names = "--currency", description = "Convert every amount into this currency (ISO 4217) at its month's rate")
    String currency;

    @Option(names = "--by", description = "total (default), provider or service")
    String by = "total";

    @Mixin
    FormatOption format;

    @Override
    void execute(CliContext context, ApiClient api) {
        if (!List.of("total", "provider", "service").contains(by)) {
            throw usageError("--by is total, provider or service");
        }
        JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs/tag-coverage" + range.query(metric)
                + (currency == null ? "" : (range.query(metric).isEmpty() ? "?" : "&") + "currency=" + PathSegment.encode(currency)));
        if (format.format == OutputFormat.JSON) {
            context.printJson(answer);
            return;
        }
        boolean forPeople = format.format == OutputFormat.TABLE;
        ArrayNode rows = context.json().createArrayNode();
        for (JsonNode key : answer.path("results")) {
            List<JsonNode> parts = new ArrayList<>();
            if (by.equals("total")) {
                parts.add(key);
            } else {
                key.path(by.equals("provider") ? "by_provider" : "by_service").forEach(parts::add);
            }
            String currency = key.path("currency").asString();
            for (JsonNode p : parts) {
                var row = rows.addObject();
                row.put("tag_key", key.path("tag_key").asString());
                row.put("provider", p.path("provider").isString() ? p.path("provider").asString() : "");
                row.put("service_name", p.path("service_name").isString() ? p.path("service_name").asString() : "");
                row.put("currency", currency);
                for (String field : List.of("tagged_cost", "total_cost")) {
                    row.put(field, forPeople ? Money.format(p.path(field).asString(), currency) : p.path(field).asString());
                }
                row.put("coverage", p.path("coverage_percent").isString()
                        ? p.path("coverage_percent").asString() + (forPeople ? " %" : "") : "");
            }
        }
        Table table = new Table().column("TAG_KEY", "tag_key");
        if (!by.equals("total")) {
            table.column("PROVIDER", "provider");
        }
        if (by.equals("service")) {
            table.column("SERVICE", "service_name");
        }
        table.column("CURRENCY", "currency").column("TAGGED", "tagged_cost").column("TOTAL", "total_cost").column("COVERAGE", "coverage")
                .print(context, rows, format.format);
    }
}
