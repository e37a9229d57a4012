package com.stategraph.billing.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "anomalies", mixinStandardHelpOptions = true,
        description = "Days whose spend left its own history, per provider (sub account, service) and tag value; latest first.",
        subcommands = {AnomaliesCommand.Dismiss.class, AnomaliesCommand.Settings.class})
class AnomaliesCommand extends ApiCommand {
    @Mixin
    TenantOption tenant;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: 30 days before --to)")
    java.time.LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Day after the last (default: tomorrow)")
    java.time.LocalDate to;

    @Option(names = "--status", description = "active (one of the last 7 days), expired, dismissed or all (default)")
    String status;

    @Mixin
    FormatOption format;

    @Override
    void execute(CliContext context, ApiClient api) {
        Values.ordered(from, to);
        JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs/anomalies"
                + QueryString.of("from", from == null ? null : from.toString(), "to", to == null ? null : to.toString(), "status", status));
        if (format.format == OutputFormat.JSON) {
            context.printJson(answer);
            return;
        }
        boolean forPeople = format.format == OutputFormat.TABLE;
        new Table().column("ID", "id").column("DAY", "day").column("SEVERITY", "severity").column("STATUS", "status")
                .column("PROVIDER", "provider").column("SERIES", AnomaliesCommand::series).column("CURRENCY", "currency")
                .column("EXPECTED", r -> forPeople ? Money.format(r.path("expected_cost").asString(), r.path("currency").asString())
                        : r.path("expected_cost").asString())
                .column("ACTUAL", r -> forPeople ? Money.format(r.path("actual_cost").asString(), r.path("currency").asString())
                        : r.path("actual_cost").asString())
                .column("DIFFERENCE", r -> forPeople ? Money.format(r.path("difference").asString(), r.path("currency").asString())
                        : r.path("difference").asString())
                .empty("No anomalies from " + answer.path("window_start").asString() + " to " + answer.path("window_end").asString()
                        + " (status " + answer.path("status").asString() + ").")
                .print(context, answer.path("results"), format.format);
    }

    /** What the anomaly is of: the service and sub account, or the tag. */
    private static String series(JsonNode r) {
        if ("tag".equals(r.path("dimension").asString())) {
            return "tag " + r.path("tag_key").asString() + "=" + (r.path("tag_value").isString() ? r.path("tag_value").asString() : "");
        }
        String service = r.path("service_name").isString() ? r.path("service_name").asString() : "(no service)";
        return r.path("sub_account_id").isString() ? service + " in " + r.path("sub_account_id").asString() : service;
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true, description = "Dismiss an anomaly, saying why (kept in the audit log).")
    static class Dismiss extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Parameters(paramLabel = "ANOMALY_ID", description = "The anomaly's id, as `cost anomalies` lists it")
        java.util.UUID id;

        @Option(names = "--reason", required = true, description = "Why it is not a problem (at most 500 characters)")
        String reason;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            JsonNode dismissed = api.post("/api/v1/tenants/" + tenant(tenant) + "/costs/anomalies/" + PathSegment.encode(id) + "/dismiss",
                    Map.of("reason", reason));
            if (format.format == OutputFormat.JSON) {
                context.printJson(dismissed);
                return;
            }
            context.out().println("Dismissed anomaly " + dismissed.path("id").asString() + " of " + dismissed.path("day").asString()
                    + " (" + series(dismissed) + ").");
        }
    }

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "Show or set what makes a day's difference an anomaly: both a share of the series' trailing monthly cost"
                    + " and an amount of its currency (setting needs a tenant admin; the tenant is scanned again).")
    static class Settings extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Option(names = "--min-impact-percent", paramLabel = "PERCENT", description = "Percent of the trailing monthly cost (default 1)")
        java.math.BigDecimal percent;

        @Option(names = "--min-impact-amount", paramLabel = "AMOUNT", description = "Units of the series' currency (default 10)")
        java.math.BigDecimal amount;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            String path = "/api/v1/tenants/" + tenant(tenant) + "/costs/anomalies/settings";
            JsonNode settings;
            if (percent == null && amount == null) {
                settings = api.get(path);
            } else {
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                if (percent != null) {
                    body.put("min_impact_percent", percent);
                }
                if (amount != null) {
                    body.put("min_impact_amount", amount);
                }
                settings = api.put(path, body);
            }
            if (format.format == OutputFormat.JSON) {
                context.printJson(settings);
                return;
            }
            context.out().println("A day is an anomaly when its difference is at least " + settings.path("min_impact_percent").asString()
                    + " % of its series' trailing monthly cost and at least " + settings.path("min_impact_amount").asString()
                    + " of its currency.");
        }
    }
}
