package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Each resource's current estimate a month next to what it really costs a month (its attributed effective"
                + " cost over the last 30 days with billing data, scaled by the days it was billed): by state, type or tag, or one"
                + " state's resources (--state). --month compares one month's days instead.")
class CompareCommand extends ApiCommand {
    @Option(names = "--tenant", description = "Tenant ID (default: STATEGRAPH_TENANT_ID); not needed with --state")
    String tenantId;

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "Compare one month instead: only its days with both an estimate and billing data, on both sides")
    String month;

    @Option(names = "--days", paramLabel = "N",
            description = "The run rate's window: the last N complete days with billing data (default 30, at most 90)")
    Integer days;

    @Option(names = "--state", paramLabel = "STATE_ID", description = "One state, per resource")
    java.util.UUID state;

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
            if (!month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
                throw usageError("--month: '" + month + "' is not a month of the form YYYY-MM (e.g. 2026-11)");
            }
            query.add("basis=month");
            query.add("month=" + PathSegment.encode(month));
        } else if (days != null) {
            if (days < 1 || days > 90) {
                throw usageError("--days: " + days + " is not 1 to 90");
            }
            query.add("days=" + days);
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
        boolean runRate = "run_rate".equals(answer.path("basis").asString());
        ArrayNode rows = context.json().createArrayNode();
        answer.path("groups").forEach(rows::add);
        rows.add(answer.path("total"));
        Table table = new Table().column("KEY", "key");
        if (runRate) {
            table.column("ESTIMATE_A_MONTH", r -> amount(r.path("estimated_monthly"), forPeople))
                    .column("ACTUAL", r -> amount(r.path("actual_cost"), forPeople))
                    .column("DAYS_BILLED", r -> Integer.toString(r.path("billed_days").asInt()))
                    .column("ACTUAL_A_MONTH", r -> amount(r.path("actual_monthly_run_rate"), forPeople));
        } else {
            table.column("ESTIMATE", r -> amount(r.path("estimated_cost"), forPeople))
                    .column("ACTUAL", r -> amount(r.path("actual_cost"), forPeople))
                    .column("DAYS_BILLED", r -> Integer.toString(r.path("billed_days").asInt()));
        }
        table.column("DIFFERENCE", r -> difference(r, forPeople)).print(context, rows, format.format);
        if (forPeople) {
            context.out().println();
            if (answer.path("note").isString()) {
                context.out().println(answer.path("note").asString());
            } else if (runRate) {
                context.out().println("Current estimate a month next to the effective cost of the resources' attributed lines from "
                        + answer.path("span_start").asString() + " to " + answer.path("span_end").asString()
                        + ", scaled to a month by the days each was billed (USD).");
            } else {
                context.out().println(answer.path("month").asString() + ", from " + answer.path("span_start").asString() + " to "
                        + answer.path("span_end").asString() + " (the days with both an estimate and billing data): estimate"
                        + " and effective cost of the attributed lines, both for those days only (USD).");
            }
            List<String> without = new ArrayList<>();
            answer.path("spend_without_estimate").forEach(s -> without.add(s.asString()));
            if (!without.isEmpty()) {
                context.out().println("Spend without an estimate: " + String.join(", ", without));
            }
            answer.path("other_currencies").forEach(c -> context.out().println("Left out (not USD): spend in " + c.asString()));
        }
    }

    /** "+12 %", "x3.4", or why not: never a ratio of four decimals; the exact figures stay in JSON and CSV. */
    private static String difference(JsonNode row, boolean forPeople) {
        if (!row.path("comparable").asBoolean()) {
            return forPeople ? "not comparable: " + row.path("not_comparable").asString() : "";
        }
        if (!forPeople) {
            return row.path("difference").asString();
        }
        return Money.difference(new java.math.BigDecimal(row.path("difference_percent").asString()));
    }

    private static String amount(JsonNode value, boolean forPeople) {
        if (!value.isString()) {
            return forPeople ? "not estimated" : "";
        }
        return forPeople ? Money.format(value.asString(), "USD") : value.asString();
    }
}
