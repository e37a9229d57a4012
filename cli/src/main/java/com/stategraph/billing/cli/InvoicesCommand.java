package com.stategraph.billing.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(name = "invoices", mixinStandardHelpOptions = true,
        description = "Billed cost per billing period, invoice issuer and invoice, to reconcile with the providers' invoices.")
class InvoicesCommand extends ApiCommand {
    @Mixin
    TenantOption tenant;

    @Mixin
    PeriodRangeOption periods;

    @Mixin
    FormatOption format;

    @Override
    void execute(CliContext context, ApiClient api) {
        JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs/invoices" + periods.query());
        if (format.format == OutputFormat.JSON) {
            context.printJson(answer);
            return;
        }
        boolean forPeople = format.format == OutputFormat.TABLE;
        new Table().column("PERIOD", "billing_period")
                .column("ISSUER", r -> r.path("invoice_issuer").isString() ? r.path("invoice_issuer").asString() : "")
                .column("INVOICE", r -> r.path("invoice_id").isString() ? r.path("invoice_id").asString() : (forPeople ? "(not invoiced)" : ""))
                .column("CURRENCY", "currency")
                .column("BILLED", r -> forPeople ? Money.format(r.path("billed_cost").asString(), r.path("currency").asString())
                        : r.path("billed_cost").asString())
                .column("LINES", "line_count").print(context, answer.path("results"), format.format);
    }

    @Command(name = "commitments", mixinStandardHelpOptions = true,
            description = "How much of each commitment discount was used, per billing period (effective cost Used against Unused).")
    static class Commitments extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        PeriodRangeOption periods;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs/commitments" + periods.query());
            if (format.format == OutputFormat.JSON) {
                context.printJson(answer);
                return;
            }
            boolean forPeople = format.format == OutputFormat.TABLE;
            new Table().column("PERIOD", "billing_period").column("COMMITMENT", "commitment_discount_id")
                    .column("TYPE", r -> r.path("commitment_discount_type").isString() ? r.path("commitment_discount_type").asString() : "")
                    .column("CURRENCY", "currency")
                    .column("USED", r -> forPeople ? Money.format(r.path("used_cost").asString(), r.path("currency").asString())
                            : r.path("used_cost").asString())
                    .column("UNUSED", r -> forPeople ? Money.format(r.path("unused_cost").asString(), r.path("currency").asString())
                            : r.path("unused_cost").asString())
                    .column("UTILIZATION", r -> r.path("utilization_percent").isString()
                            ? r.path("utilization_percent").asString() + (forPeople ? " %" : "") : "")
                    .print(context, answer.path("results"), format.format);
        }
    }

    @Command(name = "savings", mixinStandardHelpOptions = true,
            description = "Negotiated, commitment and total savings and the effective savings rate per billing period, provider and"
                    + " service; lines without a list or contracted price counted apart.")
    static class Savings extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        PeriodRangeOption periods;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs/savings" + periods.query());
            if (format.format == OutputFormat.JSON) {
                context.printJson(answer);
                return;
            }
            boolean forPeople = format.format == OutputFormat.TABLE;
            Table table = new Table().column("PERIOD", "billing_period").column("PROVIDER", "provider")
                    .column("SERVICE", r -> r.path("service_name").isString() ? r.path("service_name").asString() : "")
                    .column("CURRENCY", "currency");
            for (String[] c : new String[][] {{"LIST", "list_cost"}, {"EFFECTIVE", "effective_cost"}, {"NEGOTIATED", "negotiated_savings"},
                    {"COMMITMENT", "commitment_savings"}, {"TOTAL_SAVINGS", "total_savings"}}) {
                table.column(c[0], r -> forPeople ? Money.format(r.path(c[1]).asString(), r.path("currency").asString())
                        : r.path(c[1]).asString());
            }
            table.column("ESR", r -> r.path("effective_savings_rate_percent").isString()
                            ? r.path("effective_savings_rate_percent").asString() + (forPeople ? " %" : "") : "")
                    .column("UNPRICED_LINES", "missing_price_lines")
                    .print(context, answer.path("results"), format.format);
        }
    }

    @Command(name = "commitment-coverage", mixinStandardHelpOptions = true,
            description = "How much of the usage commitment discounts covered, per billing period, provider and service.")
    static class Coverage extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        PeriodRangeOption periods;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs/commitment-coverage" + periods.query());
            if (format.format == OutputFormat.JSON) {
                context.printJson(answer);
                return;
            }
            boolean forPeople = format.format == OutputFormat.TABLE;
            new Table().column("PERIOD", "billing_period").column("PROVIDER", "provider")
                    .column("SERVICE", r -> r.path("service_name").isString() ? r.path("service_name").asString() : "")
                    .column("CURRENCY", "currency")
                    .column("COVERED", r -> forPeople ? Money.format(r.path("covered_cost").asString(), r.path("currency").asString())
                            : r.path("covered_cost").asString())
                    .column("ON_DEMAND", r -> forPeople ? Money.format(r.path("on_demand_cost").asString(), r.path("currency").asString())
                            : r.path("on_demand_cost").asString())
                    .column("COVERAGE", r -> r.path("coverage_percent").isString()
                            ? r.path("coverage_percent").asString() + (forPeople ? " %" : "") : "")
                    .print(context, answer.path("results"), format.format);
        }
    }
}
