package com.stategraph.billing.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "budget", mixinStandardHelpOptions = true,
        description = "Budgets per month or quarter, with their spend, month-end forecast and thresholds (changes: tenant admin).",
        subcommands = {BudgetCommand.Create.class, BudgetCommand.ListBudgets.class, BudgetCommand.Show.class, BudgetCommand.Update.class,
                BudgetCommand.Remove.class})
class BudgetCommand {
    static String path(ApiCommand command, TenantOption tenant) {
        return "/api/v1/tenants/" + command.tenant(tenant) + "/budgets";
    }

    /** Everything a budget is: create and update take the same options (an update replaces them all). */
    static class Settings {
        @Option(names = "--name", required = true, description = "Unique in the tenant")
        String name;

        @Option(names = "--period", required = true, description = "monthly or quarterly")
        String period;

        @Option(names = "--amount", required = true, description = "The budget per period, e.g. 12000.50")
        BigDecimal amount;

        @Option(names = "--currency", required = true, description = "ISO 4217 code, e.g. USD; lines in other currencies count at their month's exchange rate")
        String currency;

        @Option(names = "--metric", description = "effective (default), billed, list or contracted")
        String metric;

        @Option(names = "--provider", description = "Only this provider's spend")
        String provider;

        @Option(names = "--service", description = "Only this service's spend")
        String service;

        @Option(names = "--sub-account", description = "Only this sub account's spend")
        String subAccount;

        @Option(names = "--tag", paramLabel = "K:V", description = "Only lines with this tag value (repeat: all must match)")
        List<String> tags = new ArrayList<>();

        @Option(names = "--threshold", paramLabel = "TYPE:PERCENT",
                description = "actual:80 or forecast:100 (repeat; default actual:80, actual:100, forecast:100)")
        List<String> thresholds = new ArrayList<>();

        Map<String, Object> body(ApiCommand command) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("period", period);
            body.put("amount", amount);
            body.put("currency", currency);
            if (metric != null) {
                body.put("metric", metric);
            }
            Map<String, Object> filters = new LinkedHashMap<>();
            filters.put("provider", provider);
            filters.put("service", service);
            filters.put("sub_account", subAccount);
            filters.put("tags", tags);
            body.put("filters", filters);
            if (!thresholds.isEmpty()) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (String t : thresholds) {
                    int colon = t.indexOf(':');
                    if (colon <= 0) {
                        throw command.usageError("--threshold is TYPE:PERCENT, e.g. actual:80, got '" + t + "'");
                    }
                    try {
                        list.add(Map.of("type", t.substring(0, colon), "percent", new BigDecimal(t.substring(colon + 1))));
                    } catch (NumberFormatException e) {
                        throw command.usageError("--threshold " + t + ": the percent is not a number");
                    }
                }
                body.put("thresholds", list);
            }
            return body;
        }
    }

    static void printSaved(CliContext context, String verb, JsonNode budget, OutputFormat format) {
        if (format == OutputFormat.JSON) {
            context.printJson(budget);
        } else {
            context.out().println(verb + " budget " + budget.path("id").asString() + " (" + budget.path("name").asString() + ")");
        }
    }

    static void printBudgets(CliContext context, JsonNode budgets, OutputFormat format) {
        boolean forPeople = format == OutputFormat.TABLE;
        new Table().column("ID", "id").column("NAME", "name").column("PERIOD", "period")
                .column("AMOUNT", r -> forPeople ? Money.format(r.path("amount").asString(), r.path("currency").asString())
                        : r.path("amount").asString())
                .column("SPENT", r -> forPeople ? Money.format(r.path("status").path("spent").asString(), r.path("currency").asString())
                        : r.path("status").path("spent").asString())
                .column("SPENT_%", r -> r.path("status").path("spent_percent").asString())
                .column("FORECAST", r -> !r.path("status").path("forecast").isString() ? ""
                        : forPeople ? Money.format(r.path("status").path("forecast").asString(), r.path("currency").asString())
                        : r.path("status").path("forecast").asString())
                .column("FORECAST_%", r -> r.path("status").path("forecast_percent").isString()
                        ? r.path("status").path("forecast_percent").asString() : "")
                .column("ALERTS", r -> {
                    List<String> alerts = new ArrayList<>();
                    r.path("status").path("alerts").forEach(a -> alerts.add(a.path("type").asString() + ":"
                            + a.path("percent").decimalValue().stripTrailingZeros().toPlainString()));
                    return String.join(" ", alerts);
                })
                .print(context, budgets, format);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a budget (tenant admin).")
    static class Create extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        Settings settings;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            printSaved(context, "Created", api.post(path(this, tenant), settings.body(this)), format.format);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Replace a budget's settings (tenant admin).")
    static class Update extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Parameters(paramLabel = "BUDGET_ID")
        java.util.UUID id;

        @Mixin
        Settings settings;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            printSaved(context, "Updated", api.put(path(this, tenant) + "/" + PathSegment.encode(id), settings.body(this)), format.format);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The tenant's budgets with their spend and forecast this period.")
    static class ListBudgets extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            JsonNode answer = api.get(path(this, tenant));
            if (format.format == OutputFormat.JSON) {
                context.printJson(answer);
                return;
            }
            printBudgets(context, answer.path("results"), format.format);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One budget with its status (JSON).")
    static class Show extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Parameters(paramLabel = "BUDGET_ID")
        java.util.UUID id;

        @Override
        void execute(CliContext context, ApiClient api) {
            context.printJson(api.get(path(this, tenant) + "/" + PathSegment.encode(id)));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a budget and its alert history (tenant admin).")
    static class Remove extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Parameters(paramLabel = "BUDGET_ID")
        java.util.UUID id;

        @Override
        void execute(CliContext context, ApiClient api) {
            api.delete(path(this, tenant) + "/" + PathSegment.encode(id));
            context.out().println("Removed budget " + id);
        }
    }
}
