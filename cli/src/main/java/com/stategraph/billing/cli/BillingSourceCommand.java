package com.stategraph.billing.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "billing-source", mixinStandardHelpOptions = true,
        description = "Connect FOCUS billing exports (tenant admin).",
        subcommands = {
                BillingSourceCommand.Add.class,
                BillingSourceCommand.ListSources.class,
                BillingSourceCommand.Sync.class,
                BillingSourceCommand.Update.class,
                BillingSourceCommand.Enable.class,
                BillingSourceCommand.Disable.class,
                BillingSourceCommand.Remove.class,
                BillingSourceCommand.Runs.class
        })
class BillingSourceCommand {
    static String path(ApiCommand command, TenantOption tenant) {
        return "/api/v1/tenants/" + command.tenant(tenant) + "/billing-sources";
    }

    /** The whole source, as {@code list --format json} shows it. */
    static void printSource(CliContext context, JsonNode source) {
        context.printJson(source);
    }

    enum Provider { AWS, GCP, AZURE }

    /** A command about one source: {@code --tenant T SOURCE_ID}. */
    abstract static class SourceCommand extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Parameters(paramLabel = "SOURCE_ID", description = "Billing source ID")
        java.util.UUID id;

        String sourcePath() {
            return path(this, tenant) + "/" + PathSegment.encode(id);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Connect a FOCUS export as a billing source.")
    static class Add extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Option(names = "--provider", required = true, description = "aws, gcp, or azure")
        Provider provider;

        @Option(names = "--source-uri", required = true,
                description = "Location of the exported files (Parquet or CSV; globs allowed)")
        String sourceUri;

        @Option(names = "--region", description = "Bucket region (AWS). Omit to resolve ambiently")
        String region;

        @Option(names = "--window-months",
                description = "Trailing months reloaded on each sync (default 2: current plus previous)")
        Integer windowMonths;

        @Option(names = "--disabled", description = "Create the source without enabling scheduled sync")
        boolean disabled;

        @Override
        void execute(CliContext context, ApiClient api) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("provider", provider.name().toLowerCase(java.util.Locale.ROOT));
            body.put("source_uri", sourceUri);
            if (region != null) {
                body.put("region", region);
            }
            if (windowMonths != null) {
                body.put("window_months", windowMonths);
            }
            body.put("enabled", !disabled);
            printSource(context, api.post(path(this, tenant), body));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List billing sources and how their syncs went.")
    static class ListSources extends ApiCommand {
        @Mixin
        TenantOption tenant;

        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            new Table().column("ID", "id").column("PROVIDER", "provider").column("SOURCE_URI", "source_uri")
                    .column("REGION", "region").column("WINDOW_MONTHS", "window_months").column("ENABLED", "enabled")
                    .column("LAST_STATUS", "last_status").column("LAST_SYNCED_AT", "last_synced_at")
                    .column("LAST_ROW_COUNT", "last_row_count")
                    .print(context, api.get(path(this, tenant)).path("results"), format.format);
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true, description = "Trigger a sync now (optionally backfill from a date).")
    static class Sync extends SourceCommand {
        private static final long POLL_MILLIS = 500;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Reload from this date's month through the current month")
        String from;

        @Option(names = "--wait", description = "Wait for the sync to finish, showing files and rows as it goes; exit 1 if it fails")
        boolean await;

        @Option(names = "--force", description = "Read every file again, also those unchanged since they were loaded")
        boolean force;

        @Override
        void execute(CliContext context, ApiClient api) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (from != null) {
                try {
                    body.put("window_start", LocalDate.parse(from).toString());
                } catch (DateTimeParseException e) {
                    throw usageError("--from '" + from + "' is not a date of the form YYYY-MM-DD");
                }
            }
            if (force) {
                body.put("force", true);
            }
            JsonNode run = api.post(sourcePath() + "/sync", body);
            if ("running".equals(run.path("status").asString())) {
                context.out().println("Sync already running for billing source " + id);
            } else {
                context.out().println("Sync queued for billing source " + id);
            }
            if (await) {
                waitFor(context, api, run.path("id").asString());
            }
        }

        private void waitFor(CliContext context, ApiClient api, String runId) {
            String shown = "";
            while (true) {
                JsonNode run = find(api, runId);
                String status = run.path("status").asString();
                String progress = status + ": " + run.path("files").asLong() + " files, " + run.path("rows").asLong() + " rows";
                if (status.equals("ok")) {
                    context.out().println("Sync finished: " + run.path("files").asLong() + " files, "
                            + run.path("rows").asLong() + " rows loaded for " + run.path("window_start").asString()
                            + " to " + run.path("window_end").asString());
                    if (!run.path("unchanged").isEmpty()) {
                        context.out().println("Unchanged since loaded, not read again: " + unchanged(run));
                    }
                    int warnings = run.path("warnings").size();
                    if (warnings > 0) {
                        context.out().println(warnings + " warning(s): see `stategraph cost billing-source runs " + id + " --format json`");
                    }
                    return;
                }
                if (status.equals("error")) {
                    throw new ServerRefusal("Sync failed: " + run.path("error").asString());
                }
                if (!progress.equals(shown)) {
                    context.out().println(progress);
                    context.out().flush();
                    shown = progress;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ServerRefusal("interrupted while waiting for sync " + runId);
                }
            }
        }

        private JsonNode find(ApiClient api, String runId) {
            for (JsonNode run : api.get(sourcePath() + "/runs?limit=20").path("results")) {
                if (run.path("id").asString().equals(runId)) {
                    return run;
                }
            }
            throw new ServerRefusal("sync run " + runId + " is no longer listed for billing source " + id);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change settings (omitted fields are unchanged).")
    static class Update extends SourceCommand {
        @Option(names = "--window-months", description = "Trailing months reloaded on each sync")
        Integer windowMonths;

        @Option(names = "--region", description = "Bucket region (AWS)")
        String region;

        @Option(names = "--source-uri", description = "Location of the exported files")
        String sourceUri;

        @Option(names = "--enabled", paramLabel = "true|false", arity = "1", description = "Enable or disable scheduled sync")
        Boolean enabled;

        @Override
        void execute(CliContext context, ApiClient api) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (windowMonths != null) {
                body.put("window_months", windowMonths);
            }
            if (region != null) {
                body.put("region", region);
            }
            if (sourceUri != null) {
                body.put("source_uri", sourceUri);
            }
            if (enabled != null) {
                body.put("enabled", enabled);
            }
            if (body.isEmpty()) {
                throw usageError("Nothing to update: give --window-months, --region, --source-uri or --enabled");
            }
            printSource(context, api.put(sourcePath(), body));
        }
    }

    /** Turns scheduled sync on or off. */
    abstract static class SetEnabled extends SourceCommand {
        private final boolean enabled;

        SetEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        void execute(CliContext context, ApiClient api) {
            api.put(sourcePath(), Map.of("enabled", enabled));
            context.out().println((enabled ? "Enabled" : "Disabled") + " billing source " + id);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Resume scheduled sync.")
    static class Enable extends SetEnabled {
        Enable() {
            super(true);
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Pause scheduled sync.")
    static class Disable extends SetEnabled {
        Disable() {
            super(false);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a source and its loaded billing rows. Asks for confirmation unless --auto-approve.")
    static class Remove extends SourceCommand {
        @Option(names = "--auto-approve", description = "Skip the confirmation prompt")
        boolean autoApprove;

        @Override
        void execute(CliContext context, ApiClient api) {
            String source = sourcePath();
            if (!autoApprove) {
                JsonNode current = api.get(source);
                Confirmation.require(context, "Remove billing source " + id + " (" + current.path("provider").asString() + " "
                        + current.path("source_uri").asString() + ") and every billing row it loaded?",
                        "billing source " + id + " was not removed");
            }
            api.delete(source);
            context.out().println("Removed billing source " + id + " and its billing rows");
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, description = "Sync run history, newest first.")
    static class Runs extends SourceCommand {
        @Mixin
        FormatOption format;

        @Override
        void execute(CliContext context, ApiClient api) {
            new Table().column("ID", "id").column("STATUS", "status").column("TRIGGER", "trigger")
                    .column("STARTED_AT", "started_at").column("FINISHED_AT", "finished_at")
                    .column("WINDOW_START", "window_start").column("FILES", "files").column("ROWS", "rows")
                    .column("UNCHANGED", run -> run.path("unchanged").isEmpty() ? "" : unchanged(run))
                    .column("ERROR", "error")
                    .print(context, api.get(sourcePath() + "/runs").path("results"), format.format);
        }
    }

    /** A run's unchanged periods, as "2026-10 (1,234 rows, 3 files)", comma-separated. */
    static String unchanged(JsonNode run) {
        List<String> periods = new ArrayList<>();
        run.path("unchanged").forEach(u -> periods.add(u.path("period").asString() + " ("
                + String.format(Locale.ROOT, "%,d", u.path("rows").asLong()) + " rows, " + u.path("files").asInt()
                + (u.path("files").asInt() == 1 ? " file)" : " files)")));
        return String.join(", ", periods);
    }
}
