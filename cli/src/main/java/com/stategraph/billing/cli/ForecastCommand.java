package com.stategraph.billing.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Month-end forecast of the tenant's spend per currency, with a 95 %% band.")
class ForecastCommand extends ApiCommand {
    @Mixin
    TenantOption tenant;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "Default: this month")
    java.time.YearMonth month;

    @Option(names = "--metric", description = "effective (default), billed, list or contracted")
    String metric;

    @Option(names = "--currency", description = "Convert every day's spend into this currency (ISO 4217) at its month's rate")
    String currency;

    @Mixin
    FormatOption format;

    @Override
    void execute(CliContext context, ApiClient api) {
        JsonNode answer = api.get("/api/v1/tenants/" + tenant(tenant) + "/costs/forecast" + QueryString.of("month", month == null ? null : month.toString(), "metric", metric, "currency", currency));
        if (format.format == OutputFormat.JSON) {
            context.printJson(answer);
            return;
        }
        boolean forPeople = format.format == OutputFormat.TABLE;
        Table table = new Table().column("CURRENCY", "currency");
        for (String[] c : new String[][] {{"SPENT", "spent"}, {"FORECAST", "forecast"}, {"LOWER", "forecast_lower"},
                {"UPPER", "forecast_upper"}}) {
            table.column(c[0], r -> !r.path(c[1]).isString() ? ""
                    : forPeople ? Money.format(r.path(c[1]).asString(), r.path("currency").asString()) : r.path(c[1]).asString());
        }
        table.column("DAYS_LEFT", "days_remaining").print(context, answer.path("results"), format.format);
        if (forPeople) {
            context.out().println(answer.path("through").isString() ? "Loaded through " + answer.path("through").asString() + "."
                    : "No spend loaded yet.");
        }
    }
}
