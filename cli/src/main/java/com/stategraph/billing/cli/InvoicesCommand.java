package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "invoices", mixinStandardHelpOptions = true,
        description = "Billed cost per billing period, invoice issuer and invoice, to reconcile with the providers' invoices.")
class InvoicesCommand extends ApiCommand {
    @Mixin
    TenantOption tenant;

    @Option(names = "--from", description = "First billing period, YYYY-MM (default: three months ago)")
    String from;

    @Option(names = "--to", description = "Billing period after the last, YYYY-MM (default: next month)")
    String to;

    @Mixin
    FormatOption format;

    @Override
    void execute(CliContext context, ApiClient api) {
        List<String> query = new ArrayList<>();
        if (from != null) {
            query.add("from=" + PathSegment.encode(from));
        }
        if (to != null) {
            query.add("to=" + PathSegment.encode(to));
        }
        JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs/invoices"
                + (query.isEmpty() ? "" : "?" + String.join("&", query)));
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
}
