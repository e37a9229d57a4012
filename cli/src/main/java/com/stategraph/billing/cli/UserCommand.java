package com.stategraph.billing.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage a tenant's console users (tenant admin).",
        subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class})
class UserCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Add a console user to the tenant.",
                    "The instance admin adds the user at once (a new account gets the password given here).",
                    "A tenant admin invites: no account and no password; the invitee gets a link by email and sets their own."})
    static class Create extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Option(names = "--email", required = true, description = "Email, used to sign in")
        String email;

        @Option(names = "--name", required = true, description = "Display name")
        String name;

        @Option(names = "--role", required = true, description = "admin or member")
        ApiKeyCommand.KeyRole role;

        @Option(names = "--password-stdin",
                description = "Instance admin: read the new account's password from standard input instead of asking on "
                        + "the terminal (or set STATEGRAPH_USER_PASSWORD)")
        boolean passwordStdin;

        @Override
        void execute(CliContext context, ApiClient api) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", email);
            body.put("name", name);
            body.put("role", role.name());
            // Only the instance admin gives a password; a tenant admin's invitation takes none.
            if (api.get("/api/v1/whoami").path("is_admin").asBoolean()) {
                body.put("password", password(context));
            } else if (passwordStdin) {
                throw usageError("--password-stdin: a tenant admin invites, and the invitee sets their own password");
            }
            context.printJson(api.post("/api/v1/tenants/" + tenant(tenant) + "/users", body));
        }

        private String password(CliContext context) {
            if (passwordStdin) {
                try {
                    String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
                    return line == null ? null : line.strip();
                } catch (java.io.IOException e) {
                    throw usageError("cannot read the password from standard input: " + e.getMessage());
                }
            }
            String fromEnv = context.env("STATEGRAPH_USER_PASSWORD");
            if (fromEnv != null) {
                return fromEnv;
            }
            char[] typed = context.terminal().readPassword("Password for " + email + ": ");
            if (typed == null) {
                throw usageError("No terminal to ask for the password: use --password-stdin or STATEGRAPH_USER_PASSWORD");
            }
            return new String(typed);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tenant's users.")
    static class ListUsers extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            new Table().column("ID", "id").column("EMAIL", "email").column("NAME", "name").column("ROLE", "role")
                    .column("STATUS", "status")
                    .print(context, api.get("/api/v1/tenants/" + tenant(tenant) + "/users").path("results"), format.format);
        }
    }
}
