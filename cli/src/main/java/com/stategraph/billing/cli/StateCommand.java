package com.stategraph.billing.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Terraform states: what each managed resource is, where it runs, and the ids a bill names it by.",
        subcommands = {StateCommand.Push.class, StateCommand.ListStates.class, StateCommand.Show.class, StateCommand.Remove.class,
                StateCommand.Usage.class, StateSourceCommand.class})
class StateCommand {

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Push a Terraform state (what 'terraform state pull' prints) under a name; replaces the state of that"
                    + " name unless it is an older serial of the same lineage (tenant admin).")
    static class Push extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Option(names = "--name", required = true, description = "1-200 characters of A-Z a-z 0-9 . _ / -")
        String name;

        @Parameters(paramLabel = "FILE", description = "The state file, or - for standard input")
        String file;

        @Option(names = "--force", description = "Replace the stored state whatever its lineage and serial (as terraform's -force)")
        boolean force;

        @Override
        void execute(CliContext context, ApiClient api) {
            InputFile.check(this, file);
            String path = "/api/v1/tenants/" + tenant(tenant) + "/states/"
                    + Arrays.stream(name.split("/", -1)).map(PathSegment::encode).collect(Collectors.joining("/"))
                    + (force ? "?force=true" : "");
            JsonNode state = api.putStream(path, () -> InputFile.open(context, file));
            context.out().println("Pushed state " + state.path("name").asString() + " (" + state.path("id").asString() + "): serial "
                    + state.path("serial").asLong() + ", " + state.path("resource_count").asInt() + " resources");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tenant's states.")
    static class ListStates extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            new Table().column("ID", "id").column("NAME", "name").column("SERIAL", "serial")
                    .column("RESOURCES", "resource_count").column("SOURCE", "source").column("UPDATED_AT", "updated_at")
                    .print(context, api.get("/api/v1/tenants/" + tenant(tenant) + "/states").path("results"), format.format);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a state and its managed resource instances.")
    static class Show extends ApiCommand {
        @Parameters(paramLabel = "STATE_ID", description = "ID of the state")
        java.util.UUID id;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            String base = "/api/v1/states/" + PathSegment.encode(id);
            JsonNode state = api.get(base);
            ArrayNode resources = context.json().createArrayNode();
            String cursor = null;
            do {
                JsonNode page = api.get(base + "/resources" + (cursor == null ? "" : "?cursor=" + PathSegment.encode(cursor)));
                page.path("results").forEach(resources::add);
                cursor = page.path("next_cursor").isString() ? page.path("next_cursor").asString() : null;
            } while (cursor != null);
            if (format.format == OutputFormat.JSON) {
                context.printJson(context.json().createObjectNode().setAll(java.util.Map.of("state", state, "resources", resources)));
                return;
            }
            if (format.format == OutputFormat.TABLE) {
                context.out().println(state.path("name").asString() + "  serial " + state.path("serial").asLong() + "  lineage "
                        + state.path("lineage").asString("-") + "  terraform " + state.path("terraform_version").asString("-")
                        + "  " + state.path("resource_count").asInt() + " resources  updated " + state.path("updated_at").asString());
            }
            new Table().column("ADDRESS", "address").column("TYPE", "type").column("PROVIDER", "provider")
                    .column("REGION", "region").column("CLOUD_IDS", r -> join(r.path("cloud_ids")))
                    .print(context, resources, format.format);
        }

        private static String join(JsonNode array) {
            StringBuilder s = new StringBuilder();
            array.forEach(v -> s.append(s.isEmpty() ? "" : " ").append(v.asString()));
            return s.toString();
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a state and its resources (tenant admin).")
    static class Remove extends ApiCommand {
        @Parameters(paramLabel = "STATE_ID", description = "ID of the state")
        java.util.UUID id;

        @Override
        void execute(CliContext context, ApiClient api) {
            api.delete("/api/v1/states/" + PathSegment.encode(id));
            context.out().println("Removed state " + id);
        }
    }

    @Command(name = "usage", mixinStandardHelpOptions = true,
            description = "Give a state's usage-priced resources their usage (requests, GB stored, ...): Infracost's usage file as"
                    + " it is (infracost-usage.yml), or the same as JSON; the estimate is calculated again (tenant admin).")
    static class Usage extends ApiCommand {
        @Parameters(index = "0", paramLabel = "STATE_ID", description = "ID of the state")
        java.util.UUID id;

        @Parameters(index = "1", paramLabel = "FILE", description = "A YAML usage file (version: 0.1, resource_usage:,"
                + " resource_type_default_usage:) or its JSON, or - for standard input")
        String file;

        /** A usage file is a few kilobytes; this bounds what a wrong file name can make the CLI read. */
        private static final int MAX_BYTES = 10 * 1024 * 1024;

        @Override
        void execute(CliContext context, ApiClient api) {
            InputFile.check(this, file);
            byte[] body;
            try (java.io.InputStream in = InputFile.open(context, file)) {
                body = in.readNBytes(MAX_BYTES + 1);
            } catch (java.io.IOException e) {
                throw new ServerRefusal("cannot read " + file + ": " + e.getMessage());
            }
            if (body.length > MAX_BYTES) {
                throw new ServerRefusal(file + " is larger than 10 MiB: not a usage file");
            }
            // JSON starts with '{'; anything else is read as YAML, which the server parses and names the line of any mistake
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
            String type = text.startsWith("{") ? "application/json" : "application/yaml";
            JsonNode stored = api.putBytes("/api/v1/states/" + PathSegment.encode(id) + "/usage", body, type);
            context.out().println("Usage set for " + stored.path("resource_usage").size() + " resources and "
                    + stored.path("resource_type_default_usage").size() + " resource types; the estimate is being"
                    + " calculated again (stategraph cost estimate --state " + id + ")");
        }
    }
}
