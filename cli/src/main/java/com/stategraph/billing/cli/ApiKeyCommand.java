package com.stategraph.billing.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "api-key", mixinStandardHelpOptions = true, description = "Manage a tenant's API keys (tenant admin).",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
class ApiKeyCommand {

    enum KeyRole { admin, member }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API key. The key is printed once and cannot be shown again.")
    static class Create extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Option(names = "--name", required = true, description = "A name to recognise the key by")
        String name;

        @Option(names = "--role", required = true, description = "admin or member")
        KeyRole role;

        @Override
        void execute(CliContext context, ApiClient api) {
            var created = api.post("/api/v1/tenants/" + tenant(tenant) + "/api-keys",
                    Map.of("name", name, "role", role.name()));
            context.printJson(created);
            context.err().println("Store the key now: it is not shown again.");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List active API keys (never their secrets).")
    static class ListKeys extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            new Table().column("ID", "id").column("NAME", "name").column("ROLE", "role")
                    .column("PREFIX", "prefix").column("CREATED_AT", "created_at")
                    .print(context, api.get("/api/v1/tenants/" + tenant(tenant) + "/api-keys").path("results"), format.format);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API key; it stops working at once.")
    static class Revoke extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Parameters(paramLabel = "KEY_ID", description = "ID of the key to revoke")
        java.util.UUID id;

        @Override
        void execute(CliContext context, ApiClient api) {
            api.delete("/api/v1/tenants/" + tenant(tenant) + "/api-keys/" + PathSegment.encode(id));
            context.out().println("Revoked API key " + id);
        }
    }
}
