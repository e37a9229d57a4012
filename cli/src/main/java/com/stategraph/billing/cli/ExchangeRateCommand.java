package com.stategraph.billing.cli;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "exchange-rate", mixinStandardHelpOptions = true,
        description = "Exchange rates per currency pair and month, for answers in one currency (changes: instance admin).",
        subcommands = {ExchangeRateCommand.ListRates.class, ExchangeRateCommand.Set.class, ExchangeRateCommand.Load.class,
                ExchangeRateCommand.Reporting.class})
class ExchangeRateCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The rates, by pair and month.")
    static class ListRates extends ApiCommand {
        @Option(names = "--from", description = "Only rates from this currency")
        String from;

        @Option(names = "--to", description = "Only rates into this currency")
        String to;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            JsonNode answer = api.get("/api/v1/exchange-rates" + QueryString.of("from", from, "to", to));
            if (format.format == OutputFormat.JSON) {
                context.printJson(answer);
                return;
            }
            new Table().column("FROM", "from").column("TO", "to").column("MONTH", "month").column("RATE", "rate")
                    .column("FINAL", r -> String.valueOf(r.path("final").asBoolean())).column("SOURCE", "source")
                    .print(context, answer.path("results"), format.format);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set one rate: 1 FROM = RATE TO in MONTH (instance admin).")
    static class Set extends ApiCommand {
        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "TO")
        String to;

        @Parameters(index = "2", paramLabel = "YYYY-MM")
        String month;

        @Parameters(index = "3", paramLabel = "RATE")
        BigDecimal rate;

        @Override
        void execute(CliContext context, ApiClient api) {
            JsonNode set = api.put("/api/v1/exchange-rates/" + PathSegment.encode(from) + "/" + PathSegment.encode(to) + "/"
                    + PathSegment.encode(month), Map.of("rate", rate));
            context.out().println("1 " + set.path("from").asString() + " = " + set.path("rate").asString() + " " + set.path("to").asString()
                    + " in " + set.path("month").asString() + (set.path("final").asBoolean() ? " (final)" : ""));
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load rates from a CSV with the columns from,to,month,rate (instance admin); all rows or none.")
    static class Load extends ApiCommand {
        @Parameters(paramLabel = "FILE", description = "The CSV file, or - for standard input")
        String file;

        @Override
        void execute(CliContext context, ApiClient api) {
            InputFile.check(this, file);
            JsonNode loaded = api.postStream("/api/v1/exchange-rates", () -> InputFile.open(context, file), "text/csv");
            context.out().println("Set " + loaded.path("set").asInt() + " rates; " + loaded.path("unchanged").asInt() + " were already so");
        }
    }

    @Command(name = "reporting-currency", mixinStandardHelpOptions = true,
            description = "Show the tenant's reporting currency, or set it (CURRENCY) or clear it (--clear) as a tenant admin.")
    static class Reporting extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Parameters(arity = "0..1", paramLabel = "CURRENCY")
        String currency;

        @Option(names = "--clear", description = "No reporting currency: each billing currency apart")
        boolean clear;

        @Override
        void execute(CliContext context, ApiClient api) {
            String path = "/api/v1/tenants/" + tenant(tenant) + "/reporting-currency";
            if (clear && currency != null) {
                throw usageError("give a CURRENCY or --clear, not both");
            }
            JsonNode answer;
            if (clear || currency != null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("reporting_currency", clear ? null : currency);
                answer = api.put(path, body);
            } else {
                answer = api.get(path);
            }
            context.out().println(answer.path("reporting_currency").isString() ? answer.path("reporting_currency").asString() : "(none)");
        }
    }
}
