package com.stategraph.billing.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "source", mixinStandardHelpOptions = true,
        description = "State sources: remote backends (S3, GCS, azurerm) whose state objects become states, synced on the billing"
                + " schedule (tenant admin).",
        subcommands = {StateSourceCommand.Add.class, StateSourceCommand.ListSources.class, StateSourceCommand.Sync.class,
                StateSourceCommand.Remove.class})
class StateSourceCommand {
    static String path(ApiCommand command, TenantOption tenant) {
        return "/api/v1/tenants/" + command.tenant(tenant) + "/state-sources";
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Connect a backend: each object the URI matches becomes"
            + " a state named by its key.")
    static class Add extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Option(names = "--source-uri", required = true,
                description = "s3://, gs://, abfss:// or file:// URI; the path may be a glob, e.g. s3://tf-state/envs/**/*.tfstate")
        String sourceUri;

        @Option(names = "--region", description = "Bucket region (s3:// only). Omit to use the server's")
        String region;

        @Option(names = "--disabled", description = "Create the source without scheduled syncs")
        boolean disabled;

        @Override
        void execute(CliContext context, ApiClient api) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("source_uri", sourceUri);
            if (region != null) {
                body.put("region", region);
            }
            body.put("enabled", !disabled);
            context.printJson(api.post(path(this, tenant), body));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List state sources and how their syncs went.")
    static class ListSources extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            new Table().column("ID", "id").column("SOURCE_URI", "source_uri").column("REGION", "region").column("ENABLED", "enabled")
                    .column("LAST_STATUS", "last_status").column("LAST_SYNCED_AT", "last_synced_at").column("STATES", "last_state_count")
                    .column("LAST_ERROR", "last_error")
                    .print(context, api.get(path(this, tenant)).path("results"), format.format);
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true, description = "Sync a state source now and wait for it; exit 1 if it fails.")
    static class Sync extends ApiCommand {
        private static final long POLL_MILLIS = 500;

        @Mixin
        TenantOption tenant;

        @Parameters(paramLabel = "SOURCE_ID", description = "State source ID")
        java.util.UUID id;

        @Override
        void execute(CliContext context, ApiClient api) {
            String source = path(this, tenant) + "/" + PathSegment.encode(id);
            String runId = api.post(source + "/sync", Map.of()).path("id").asString();
            while (true) {
                JsonNode run = null;
                for (JsonNode r : api.get(source + "/runs?limit=20").path("results")) {
                    if (r.path("id").asString().equals(runId)) {
                        run = r;
                    }
                }
                if (run == null) {
                    throw new ServerRefusal("sync run " + runId + " is no longer listed for state source " + id);
                }
                String status = run.path("status").asString();
                if (status.equals("error")) {
                    throw new ServerRefusal("Sync failed: " + run.path("error").asString());
                }
                if (status.equals("ok")) {
                    context.out().println("Synced " + run.path("objects").asInt() + " objects: " + run.path("states_pushed").asInt()
                            + " states pushed, " + run.path("states_unchanged").asInt() + " unchanged, "
                            + run.path("states_removed").asInt() + " removed");
                    run.path("warnings").forEach(w -> context.out().println("warning: " + w.asString()));
                    return;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ServerRefusal("interrupted while waiting for sync " + runId);
                }
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a state source and the states it made. Asks for confirmation unless --auto-approve.")
    static class Remove extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Parameters(paramLabel = "SOURCE_ID", description = "State source ID")
        java.util.UUID id;

        @Option(names = "--auto-approve", description = "Skip the confirmation prompt")
        boolean autoApprove;

        @Override
        void execute(CliContext context, ApiClient api) {
            String source = path(this, tenant) + "/" + PathSegment.encode(id);
            if (!autoApprove) {
                JsonNode current = api.get(source);
                Confirmation.require(context, "Remove state source " + id + " (" + current.path("source_uri").asString()
                        + ") and every state it made?", "state source " + id + " was not removed");
            }
            api.delete(source);
            context.out().println("Removed state source " + id + " and its states");
        }
    }
}
