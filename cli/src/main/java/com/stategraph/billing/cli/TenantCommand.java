package com.stategraph.billing.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Create and list tenants.",
        subcommands = {TenantCommand.Create.class, TenantCommand.ListTenants.class})
class TenantCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a tenant (instance admin).")
    static class Create extends ApiCommand {
        @Option(names = "--name", required = true, description = "Tenant name")
        String name;

        @Override
        void execute(CliContext context, ApiClient api) {
            context.printJson(api.post("/api/v1/tenants", Map.of("name", name)));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List your tenants.")
    static class ListTenants extends ApiCommand {
        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            new Table().column("ID", "id").column("NAME", "name")
                    .print(context, api.get("/api/v1/user/tenants").path("results"), format.format);
        }
    }
}
