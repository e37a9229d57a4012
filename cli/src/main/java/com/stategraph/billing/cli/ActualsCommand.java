package com.stategraph.billing.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code stategraph cost actuals}: actual spend, grouped, cut and filtered as asked, with a total per currency. */
@Command(name = "actuals", mixinStandardHelpOptions = true, description = "Actual spend from the synced billing data.")
class ActualsCommand extends ApiCommand {
    enum Metric { BILLED, EFFECTIVE, LIST, CONTRACTED }

    enum GroupBy {
        PROVIDER, HOST_PROVIDER, PUBLISHER, INVOICE_ISSUER, SERVICE, SERVICE_CATEGORY, BILLING_ACCOUNT, SUB_ACCOUNT,
        REGION, CHARGE_CATEGORY, RESOURCE, SOURCE, TAG
    }

    enum Granularity { TOTAL, DAY, MONTH }

    @Mixin
    TenantOption tenantOption;

    @Mixin
    RangeOptions range;

    @Option(names = "--metric", description = "billed, effective (default), list or contracted")
    Metric metric;

    @Option(names = "--group-by", description = "provider, host_provider, publisher, invoice_issuer, service,"
            + " service_category, billing_account, sub_account, region, charge_category, resource, source or tag"
            + " (with --tag-key)")
    GroupBy groupBy;

    @Option(names = "--tag-key", description = "The tag key to group by, with --group-by tag")
    String tagKey;

    @Option(names = "--granularity", description = "total (default), day or month")
    Granularity granularity;

    @Option(names = "--provider", description = "Only this provider, as the rows name it (AWS, Microsoft, ...; any case)")
    String provider;

    @Option(names = "--host-provider", description = "Only this host provider (FOCUS 1.3 HostProviderName)")
    String hostProvider;

    @Option(names = "--publisher", description = "Only this publisher (a Marketplace seller, say)")
    String publisher;

    @Option(names = "--invoice-issuer", description = "Only this invoice issuer")
    String invoiceIssuer;

    @Option(names = "--service", description = "Only this service (ServiceName)")
    String service;

    @Option(names = "--region", description = "Only this region (RegionId)")
    String region;

    @Option(names = "--sub-account", description = "Only this sub account (SubAccountId)")
    String subAccount;

    @Option(names = "--source-id", description = "Only this billing source")
    UUID sourceId;

    @Option(names = "--tag", paramLabel = "KEY:VALUE", description = "Only rows with this tag value; repeatable (all must match)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--limit", description = "Top N groups per currency (1 to 1000); the rest as 'other'")
    Integer limit;

    @Option(names = "--currency", description = "Convert every amount into this currency (ISO 4217) at its month's exchange rate")
    String currency;

    @Mixin
    FormatOption format;

    @Override
    void execute(CliContext context, ApiClient api) {
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw usageError("--limit must be from 1 to 1000, got " + limit);
        }
        if ((groupBy == GroupBy.TAG) != (tagKey != null)) {
            throw usageError(groupBy == GroupBy.TAG ? "--group-by tag needs --tag-key" : "--tag-key is only used with --group-by tag");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        range.put(params);
        params.put("metric", lower(metric));
        params.put("group_by", lower(groupBy));
        params.put("tag_key", tagKey);
        params.put("granularity", lower(granularity));
        params.put("provider", provider);
        params.put("host_provider", hostProvider);
        params.put("publisher", publisher);
        params.put("invoice_issuer", invoiceIssuer);
        params.put("service", service);
        params.put("region", region);
        params.put("sub_account", subAccount);
        params.put("source_id", sourceId);
        params.put("limit", limit);
        params.put("currency", currency);
        StringBuilder query = query(params);
        for (String tag : tags) {
            int colon = tag.indexOf(':');
            if (colon <= 0 || tag.substring(0, colon).isBlank()) {
                throw usageError("--tag '" + tag + "' is not of the form KEY:VALUE");
            }
            query.append(query.length() == 0 ? '?' : '&').append("tag=").append(URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenantOption) + "/costs/actuals" + query);
        switch (format.format) {
            case JSON -> context.printJson(answer);
            case TABLE -> printTable(context, answer);
            case SIMPLE -> rows(answer, false).stream().skip(1).forEach(r -> context.out().println(String.join("\t", r)));
            case CSV -> {
                List<List<String>> rows = rows(answer, false);
                Table.csv(context.out(), rows.get(0), rows.subList(1, rows.size()));
            }
        }
    }

    static StringBuilder query(Map<String, Object> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                query.append(query.length() == 0 ? '?' : '&').append(k).append('=')
                        .append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return query;
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The header, then one row per group (and period): exact amounts, for simple and csv; for the
     * table, amounts for people ({@code 1,444.63}).
     */
    private static List<List<String>> rows(JsonNode answer, boolean forPeople) {
        boolean series = !answer.path("granularity").asString().equals("total");
        String keyHeader = answer.path("group_by").isNull() ? "" : answer.path("group_by").asString().toUpperCase(Locale.ROOT);
        List<List<String>> rows = new ArrayList<>();
        rows.add(series ? List.of("PERIOD", keyHeader, "CURRENCY", "COST") : List.of(keyHeader, "CURRENCY", "COST"));
        for (JsonNode group : answer.path("results")) {
            String currency = group.path("currency").asString();
            if (series) {
                for (JsonNode point : group.path("series")) {
                    rows.add(List.of(point.path("period").asString(), group.path("key").asString(), currency,
                            amount(point.path("cost").asString(), currency, forPeople)));
                }
            } else {
                rows.add(List.of(group.path("key").asString(), currency, amount(group.path("cost").asString(), currency, forPeople)));
            }
        }
        return rows;
    }

    private static String amount(String exact, String currency, boolean forPeople) {
        return forPeople ? Money.format(exact, currency) : exact;
    }

    private static void printTable(CliContext context, JsonNode answer) {
        boolean series = !answer.path("granularity").asString().equals("total");
        List<List<String>> rows = rows(answer, true);
        int totalsFrom = rows.size();
        for (JsonNode total : answer.path("totals")) {
            String currency = total.path("currency").asString();
            String cost = Money.format(total.path("cost").asString(), currency);
            rows.add(series ? List.of("", "TOTAL", currency, cost) : List.of("TOTAL", currency, cost));
        }
        if (rows.size() == 1) {
            context.out().println("No spend from " + answer.path("from").asString() + " to " + answer.path("to").asString()
                    + " (exclusive). Connect a billing source with `stategraph cost billing-source add` and sync it.");
            return;
        }
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
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
                String cell = rows.get(r).get(i);
                // Amounts are right-aligned so their digits line up.
                line.append(i == columns - 1 ? " ".repeat(widths[i] - cell.length()) + cell
                        : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            context.out().println(line.toString().stripTrailing());
        }
    }

    /** {@code --from} and {@code --to}: checked dates; {@code --from} alone runs to tomorrow, as {@code --to}'s help says. */
    static class RangeOptions {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: first day of this month)")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Day after the last (default: tomorrow, UTC)")
        LocalDate to;

        void put(Map<String, Object> params) {
            Values.ordered(from, to);
            params.put("from", from);
            params.put("to", to != null ? to : from != null ? LocalDate.now(ZoneOffset.UTC).plusDays(1) : null);
        }
    }

    /** {@code stategraph cost tag-keys}: the tag keys seen in a range, the most frequent first. */
    @Command(name = "tag-keys", mixinStandardHelpOptions = true, description = "Tag keys in the billing data, the most used first.")
    static class TagKeys extends ApiCommand {
        @Mixin
        TenantOption tenantOption;

        @Mixin
        RangeOptions range;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            Map<String, Object> params = new LinkedHashMap<>();
            range.put(params);
            JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenantOption) + "/costs/actuals/tag-keys" + query(params));
            if (format.format == OutputFormat.JSON) {
                context.printJson(answer);
                return;
            }
            JsonNode keys = answer.path("tag_keys");
            List<List<String>> rows = new ArrayList<>();
            keys.forEach(k -> rows.add(List.of(k.asString())));
            switch (format.format) {
                case CSV -> Table.csv(context.out(), List.of("TAG_KEY"), rows);
                case TABLE -> {
                    context.out().println("TAG_KEY");
                    rows.forEach(r -> context.out().println(r.get(0)));
                }
                default -> rows.forEach(r -> context.out().println(r.get(0)));
            }
        }
    }
}
