package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "A month's estimate next to what was really spent on the same resources: by state, type or tag, or one"
                + " state's resources (--state).")
class CompareCommand extends ApiCommand {
    @Option(names = "--tenant", description = "Tenant ID (default: STATEGRAPH_TENANT_ID); not needed with --state")
    String tenantId;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (default: this month, until now)")
    String month;

    @Option(names = "--state", paramLabel = "STATE_ID", description = "One state, per resource")
    String state;

    @Option(names = "--group-by", description = "state (default), type or tag")
    String groupBy;

    @Option(names = "--tag-key", description = "The tag whose values to group by, with --group-by tag")
    String tagKey;

    @Mixin
    FormatOption format;

    @Override
    void execute(CliContext context, ApiClient api) {
        List<String> query = new ArrayList<>();
        if (month != null) {
            query.add("month=" + PathSegment.encode(month));
        }
        String path;
        if (state != null) {
            path = "/api/v1/states/" + PathSegment.encode(state) + "/costs/compare";
        } else {
            TenantOption option = new TenantOption();
            option.tenant = tenantId;
            path = "/api/v1/tenants/" + tenant(option) + "/costs/compare";
            if (groupBy != null) {
                query.add("group_by=" + PathSegment.encode(groupBy));
            }
            if (tagKey != null) {
                query.add("tag_key=" + PathSegment.encode(tagKey));
            }
        }
        JsonNode answer = api.get(path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        if (format.format == OutputFormat.JSON) {
            context.printJson(answer);
            return;
        }
        boolean forPeople = format.format == OutputFormat.TABLE;
        ArrayNode rows = context.json().createArrayNode();
        answer.path("groups").forEach(rows::add);
        rows.add(answer.path("total"));
        new Table().column("KEY", "key")
                .column("ESTIMATED_USD", r -> amount(r.path("estimated_cost").asString(), forPeople))
                .column("ACTUAL_USD", r -> amount(r.path("actual_cost").asString(), forPeople))
                .column("DIFFERENCE", r -> amount(r.path("difference").asString(), forPeople))
                .column("RATIO", r -> r.path("ratio").isString() ? r.path("ratio").asString() : "-")
                .column("LINES", "line_count").print(context, rows, format.format);
        if (forPeople) {
            context.out().println();
            context.out().println("Estimate of " + answer.path("month").asString() + " until " + answer.path("estimated_until").asString()
                    + "; actual: effective cost of the lines attributed to the same resources.");
            answer.path("spend_without_estimate").forEach(s -> context.out().println("spend without an estimate: " + s.asString()));
            answer.path("estimate_without_spend").forEach(s -> context.out().println("estimate without spend: " + s.asString()));
            answer.path("other_currencies").forEach(c -> context.out().println("left out (not USD): spend in " + c.asString()));
        }
    }

    private static String amount(String exact, boolean forPeople) {
        return forPeople ? Money.format(exact, "USD") : exact;
    }
}
