package com.stategraph.billing.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code stategraph cost actuals}: actual spend, grouped and cut as asked, with a total per currency. */
@Command(name = "actuals", mixinStandardHelpOptions = true, description = "Actual spend from the synced billing data.")
class ActualsCommand extends ApiCommand {
    enum Format { TABLE, JSON }

    @Mixin
    TenantOption tenantOption;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: first day of this month)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Day after the last (default: tomorrow)")
    String to;

    @Option(names = "--metric", description = "billed, effective (default), list or contracted")
    String metric;

    @Option(names = "--group-by", description = "provider, service, service_category, billing_account, sub_account,"
            + " region, charge_category, resource, source or tag (with --tag-key)")
    String groupBy;

    @Option(names = "--tag-key", description = "The tag key to group by, with --group-by tag")
    String tagKey;

    @Option(names = "--granularity", description = "total (default), day or month")
    String granularity;

    @Option(names = "--limit", description = "Top N groups per currency; the rest as 'other'")
    Integer limit;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    void execute(CliContext context, ApiClient api) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("metric", metric);
        params.put("group_by", groupBy);
        params.put("tag_key", tagKey);
        params.put("granularity", granularity);
        params.put("limit", limit);
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                query.append(query.length() == 0 ? '?' : '&').append(k).append('=')
                        .append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenantOption) + "/costs/actuals" + query);
        if (format == Format.JSON) {
            context.printJson(answer);
            return;
        }
        print(context, answer);
    }

    private static void print(CliContext context, JsonNode answer) {
        boolean series = !answer.path("granularity").asString().equals("total");
        String keyHeader = answer.path("group_by").isNull() ? "" : answer.path("group_by").asString().toUpperCase(Locale.ROOT);
        List<String[]> rows = new ArrayList<>();
        rows.add(series ? new String[] {"PERIOD", keyHeader, "CURRENCY", "COST"} : new String[] {keyHeader, "CURRENCY", "COST"});
        for (JsonNode group : answer.path("results")) {
            if (series) {
                for (JsonNode point : group.path("series")) {
                    rows.add(new String[] {point.path("period").asString(), group.path("key").asString(),
                            group.path("currency").asString(), point.path("cost").asString()});
                }
            } else {
                rows.add(new String[] {group.path("key").asString(), group.path("currency").asString(), group.path("cost").asString()});
            }
        }
        int totalsFrom = rows.size();
        for (JsonNode total : answer.path("totals")) {
            rows.add(series ? new String[] {"", "TOTAL", total.path("currency").asString(), total.path("cost").asString()}
                    : new String[] {"TOTAL", total.path("currency").asString(), total.path("cost").asString()});
        }
        if (rows.size() == 1) {
            context.out().println("No spend from " + answer.path("from").asString() + " to " + answer.path("to").asString()
                    + " (exclusive). Connect a billing source with `stategraph cost billing-source add` and sync it.");
            return;
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        context.out().println("Spend (" + answer.path("metric").asString() + " cost) from " + answer.path("from").asString()
                + " to " + answer.path("to").asString() + " (exclusive)");
        for (int r = 0; r < rows.size(); r++) {
            if (r == totalsFrom) {
                context.out().println("-".repeat(java.util.Arrays.stream(widths).sum() + 2 * (columns - 1)));
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i];
                // Amounts are right-aligned so their digits line up.
                line.append(i == columns - 1 ? " ".repeat(widths[i] - cell.length()) + cell
                        : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            context.out().println(line.toString().stripTrailing());
        }
    }
}
