package com.stategraph.billing.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "pricing", mixinStandardHelpOptions = true, description = "The price book estimates are priced from.",
        subcommands = {PricingCommand.Load.class, PricingCommand.Status.class})
class PricingCommand {

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Replace the price book by a dump of cloud-pricing-api's products table (CSV or CSV.gz; instance admin).")
    static class Load extends ApiCommand {
        @Parameters(paramLabel = "FILE", description = "The CSV or CSV.gz file, or - for standard input")
        String file;

        @Override
        void execute(CliContext context, ApiClient api) {
            InputFile.check(this, file);
            print(context, api.postStream("/api/v1/pricing/products", () -> InputFile.open(context, file), "text/csv"));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "What the price book holds and when it was loaded.")
    static class Status extends ApiCommand {
        @Override
        void execute(CliContext context, ApiClient api) {
            print(context, api.get("/api/v1/pricing"));
        }
    }

    private static void print(CliContext context, JsonNode book) {
        if (book.path("loaded_at").isNull() || book.path("loaded_at").isMissingNode()) {
            context.out().println("No price book loaded: run 'stategraph pricing load FILE'");
            return;
        }
        StringBuilder vendors = new StringBuilder();
        book.path("by_vendor").properties().forEach(e -> vendors.append(vendors.isEmpty() ? "" : ", ")
                .append(e.getKey()).append(' ').append(String.format(java.util.Locale.ROOT, "%,d", e.getValue().asLong())));
        context.out().println(String.format(java.util.Locale.ROOT, "%,d products (%s), loaded %s", book.path("products").asLong(),
                vendors, book.path("loaded_at").asString()));
    }
}
