package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every CLI command and option against the running server. */
class CliTest extends ServerTest {
    private String tenant;
    private CliRunner admin;

    @BeforeEach
    void setUp() {
        tenant = newTenant();
        admin = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);
    }

    private static JsonNode json(String text) {
        return HttpApi.JSON.readTree(text);
    }

    private String add(String uri) {
        var r = admin.run("cost", "billing-source", "add", "--provider", "aws", "--source-uri", uri, "--region", "us-east-1");
        assertThat(r.exit()).as(r.err()).isZero();
        return json(r.out()).path("id").asString();
    }

    @Test
    void versionAndHelpOnEveryCommand() {
        var version = admin.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out().trim()).matches("stategraph \\d+\\.\\d+\\.\\d+");
        List<List<String>> commands = List.of(List.of(), List.of("whoami"), List.of("tenant"), List.of("tenant", "create"),
                List.of("tenant", "list"), List.of("api-key"), List.of("api-key", "create"), List.of("api-key", "list"),
                List.of("api-key", "revoke"), List.of("user"), List.of("user", "create"), List.of("user", "list"),
                List.of("cost"), List.of("cost", "billing-source"), List.of("cost", "billing-source", "add"),
                List.of("cost", "billing-source", "list"), List.of("cost", "billing-source", "sync"),
                List.of("cost", "billing-source", "update"), List.of("cost", "billing-source", "enable"),
                List.of("cost", "billing-source", "disable"), List.of("cost", "billing-source", "remove"),
                List.of("cost", "billing-source", "runs"), List.of("cost", "actuals"), List.of("cost", "tag-keys"),
                List.of("state"), List.of("state", "push"), List.of("state", "list"), List.of("state", "show"), List.of("state", "rm"),
                List.of("pricing"), List.of("pricing", "load"), List.of("pricing", "status"));
        for (List<String> command : commands) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help")).toArray(String[]::new);
            var help = admin.run(args);
            assertThat(help.exit()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).as(String.join(" ", args)).contains("Usage: stategraph");
        }
        assertThat(admin.run("--help").out()).as("the server's commands are named too").contains("server   Start the server")
                .contains("demo     Start it with a demo tenant");
        assertThat(admin.run("cost", "billing-source", "add", "--help").out())
                .contains("--provider", "--source-uri", "--region", "--window-months", "--disabled", "--tenant");
    }

    /** picocli formats every help text (a bare % prints "[picocli WARN] Could not format" instead of the text). */
    @Test
    void everyHelpTextFormats() {
        java.util.List<picocli.CommandLine> all = new java.util.ArrayList<>();
        java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(List.of(Main.commandLine(new CliContext(java.util.Map.of(),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()), null))));
        while (!todo.isEmpty()) {
            picocli.CommandLine next = todo.pop();
            all.add(next);
            todo.addAll(next.getSubcommands().values());
        }
        assertThat(all).hasSizeGreaterThan(30);
        for (picocli.CommandLine command : all) {
            var spec = command.getCommandSpec();
            List<String> texts = new java.util.ArrayList<>();
            texts.addAll(List.of(spec.usageMessage().description()));
            texts.addAll(List.of(spec.usageMessage().footer()));
            spec.options().forEach(o -> texts.addAll(List.of(o.description())));
            spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
            for (String text : texts) {
                org.assertj.core.api.Assertions.assertThatCode(() -> String.format(text)).as(spec.qualifiedName() + ": " + text)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void badFlagsAndArgumentsExit124() {
        assertThat(admin.run("no-such-command").exit()).isEqualTo(124);
        var noScheme = new CliRunner("localhost:18093", ADMIN_KEY).run("whoami");
        assertThat(noScheme.exit()).as(noScheme.err()).isEqualTo(124);
        assertThat(noScheme.err()).contains("STATEGRAPH_API_BASE 'localhost:18093' has no http:// or https:// scheme")
                .contains("http://localhost:18093").doesNotContain("Exception");
        var unresolvable = new CliRunner("http://no-such-host.invalid:8080", ADMIN_KEY).run("whoami");
        assertThat(unresolvable.exit()).isEqualTo(1);
        assertThat(unresolvable.err()).contains("does not resolve").doesNotContain("connection refused");
        assertThat(admin.run().exit()).isEqualTo(124);
        assertThat(admin.run("cost", "billing-source", "add", "--provider", "aws").exit()).isEqualTo(124);
        assertThat(admin.run("cost", "billing-source", "list", "--format", "xml").exit()).isEqualTo(124);
        assertThat(admin.run("cost", "billing-source", "add", "--provider", "aws", "--source-uri", "s3://b/x", "--window-months", "two").exit())
                .isEqualTo(124);
        assertThat(admin.run("cost", "billing-source", "sync").exit()).as("missing SOURCE_ID").isEqualTo(124);
        // Values the CLI can check itself never reach the server.
        for (String[] bad : new String[][] {
                {"cost", "actuals", "--tenant", tenant, "--from", "2026-13-01"},
                {"cost", "actuals", "--tenant", tenant, "--to", "tomorrow"},
                {"cost", "actuals", "--tenant", tenant, "--metric", "gross"},
                {"cost", "actuals", "--tenant", tenant, "--group-by", "colour"},
                {"cost", "actuals", "--tenant", tenant, "--granularity", "hourly"},
                {"cost", "actuals", "--tenant", tenant, "--tag", "no-colon"},
                {"cost", "actuals", "--tenant", tenant, "--source-id", "not-a-uuid"},
                {"cost", "actuals", "--tenant", tenant, "--limit", "0"},
                {"cost", "actuals", "--tenant", tenant, "--group-by", "tag"},
                {"cost", "tag-keys", "--tenant", tenant, "--from", "01/02/2026"},
                {"api-key", "create", "--tenant", tenant, "--name", "k", "--role", "owner"}}) {
            var r = admin.run(bad);
            assertThat(r.exit()).as(String.join(" ", bad) + ": " + r.err()).isEqualTo(124);
            assertThat(r.err()).as(String.join(" ", bad)).isNotBlank();
        }
        var noTenant = new CliRunner(api.base(), ADMIN_KEY).run("cost", "billing-source", "list");
        assertThat(noTenant.exit()).isEqualTo(124);
        assertThat(noTenant.err()).contains("--tenant").contains("STATEGRAPH_TENANT_ID");
    }

    @Test
    void whoamiShowsTheCaller() {
        var r = admin.run("whoami");
        assertThat(r.exit()).isZero();
        JsonNode me = json(r.out());
        assertThat(me.path("is_admin").asBoolean()).isTrue();
        assertThat(me.path("type").asString()).isEqualTo("user");
    }

    @Test
    void tenantCreateAndListInEveryFormat() {
        String name = "cli-" + tenant;
        var created = admin.run("tenant", "create", "--name", name);
        assertThat(created.exit()).isZero();
        String id = json(created.out()).path("id").asString();

        var table = admin.run("tenant", "list");
        assertThat(table.exit()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("ID\\s+NAME");
        assertThat(table.out()).containsPattern(id + "\\s+" + name);

        var asJson = json(admin.run("tenant", "list", "--format", "json").out());
        assertThat(asJson.valueStream().map(t -> t.path("name").asString())).contains(name);

        assertThat(admin.run("tenant", "list", "--format", "simple").out().lines()).contains(id + "\t" + name);

        var duplicate = admin.run("tenant", "create", "--name", name);
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).startsWith("Conflict: ");
    }

    @Test
    void apiKeysCreateListAndRevoke() {
        var created = admin.run("api-key", "create", "--name", "ci", "--role", "member");
        assertThat(created.exit()).as(created.err()).isZero();
        JsonNode key = json(created.out());
        assertThat(key.path("key").asString()).startsWith("sgk_");
        assertThat(created.err()).contains("not shown again");

        var list = admin.run("api-key", "list");
        assertThat(list.out()).contains(key.path("id").asString()).contains("member").doesNotContain(key.path("key").asString());

        var asMember = new CliRunner(api.base(), key.path("key").asString());
        assertThat(asMember.run("whoami").exit()).isZero();

        var revoked = admin.run("api-key", "revoke", key.path("id").asString());
        assertThat(revoked.exit()).isZero();
        assertThat(revoked.out()).contains("Revoked API key " + key.path("id").asString());
        var after = asMember.run("whoami");
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.err()).startsWith("Unauthorized: ");
        assertThat(admin.run("api-key", "create", "--name", "x", "--role", "owner").exit()).isEqualTo(124);
    }

    @Test
    void userCreateTakesThePasswordFromTheTerminalOrTheEnvironment() {
        var fromEnv = admin.env("STATEGRAPH_USER_PASSWORD", "a long enough password")
                .run("user", "create", "--email", "env-" + tenant + "@example.com", "--name", "Env", "--role", "member");
        assertThat(fromEnv.exit()).as(fromEnv.err()).isZero();
        assertThat(json(fromEnv.out()).path("role").asString()).isEqualTo("member");

        var typed = new CliRunner(api.base(), ADMIN_KEY).terminal(CliRunner.answering("typed at the prompt"))
                .run("user", "create", "--tenant", tenant, "--email", "tty-" + tenant + "@example.com", "--name", "Tty", "--role", "admin");
        assertThat(typed.exit()).as(typed.err()).isZero();

        var noWay = new CliRunner(api.base(), ADMIN_KEY)
                .run("user", "create", "--tenant", tenant, "--email", "none-" + tenant + "@example.com", "--name", "N", "--role", "admin");
        assertThat(noWay.exit()).isEqualTo(124);
        assertThat(noWay.err()).contains("--password-stdin");

        // A tenant admin invites: nothing is asked, no password is sent, the invitee sets their own.
        String tenantAdmin = newKey(tenant, "admin");
        var invited = new CliRunner(api.base(), tenantAdmin)
                .run("user", "create", "--tenant", tenant, "--email", "inv-" + tenant + "@example.com", "--name", "Inv", "--role", "member");
        assertThat(invited.exit()).as(invited.err()).isZero();
        assertThat(json(invited.out()).path("status").asString()).isEqualTo("invited");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = ?").param("inv-" + tenant + "@example.com").query(Long.class).single())
                .isZero();

        var list = admin.run("user", "list");
        assertThat(list.out()).contains("env-" + tenant + "@example.com", "tty-" + tenant + "@example.com");
        assertThat(list.out().lines().findFirst().orElseThrow().split("\\s+")).containsExactly("ID", "EMAIL", "NAME", "ROLE", "STATUS");
        assertThat(list.out()).as("the instance admin adds users directly").contains("active");
    }

    @Test
    void addPrintsTheSourceAsTheSeedShowsIt() {
        var r = admin.run("cost", "billing-source", "add", "--provider", "aws", "--source-uri", "s3://my-bucket/focus/data/**/*.parquet",
                "--region", "us-east-1");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode source = json(r.out());
        assertThat(source.propertyNames()).as("the seed's fields, in its order")
                .containsSubsequence("id", "provider", "source_uri", "region", "window_months", "enabled", "created_at",
                        "updated_at");
        JsonNode listed = json(admin.run("cost", "billing-source", "list", "--format", "json").out());
        JsonNode same = null;
        for (JsonNode s : listed) {
            if (s.path("id").asString().equals(source.path("id").asString())) {
                same = s;
            }
        }
        assertThat(source).as("the whole source, as list --format json shows it").isEqualTo(same);
        assertThat(source.path("source_uri").asString()).isEqualTo("s3://my-bucket/focus/data/**/*.parquet");
        assertThat(source.path("window_months").asInt()).isEqualTo(2);
        assertThat(source.path("enabled").asBoolean()).isTrue();

        var options = admin.run("cost", "billing-source", "add", "--tenant", tenant, "--provider", "gcp",
                "--source-uri", "gs://bkt/focus/**/*.csv", "--window-months", "5", "--disabled");
        assertThat(options.exit()).as(options.err()).isZero();
        assertThat(json(options.out()).path("window_months").asInt()).isEqualTo(5);
        assertThat(json(options.out()).path("enabled").asBoolean()).isFalse();

        var refused = admin.run("cost", "billing-source", "add", "--provider", "oracle", "--source-uri", "s3://b/x");
        assertThat(refused.exit()).as("the CLI knows the providers itself").isEqualTo(124);
        assertThat(refused.err()).contains("--provider").contains("oracle").contains("AWS, GCP, AZURE");
        var anyCase = admin.run("cost", "billing-source", "add", "--provider", "AWS", "--source-uri", "s3://any-case-bucket/x.csv");
        assertThat(anyCase.exit()).as(anyCase.err()).isZero();
        assertThat(json(anyCase.out()).path("provider").asString()).isEqualTo("aws");
    }

    @Test
    void listInEveryFormat() {
        String id = add("s3://list/focus/*.parquet");
        var table = admin.run("cost", "billing-source", "list");
        assertThat(table.exit()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow().split("\\s+")).containsExactly("ID", "PROVIDER", "SOURCE_URI",
                "REGION", "WINDOW_MONTHS", "ENABLED", "LAST_STATUS", "LAST_SYNCED_AT", "LAST_ROW_COUNT");
        assertThat(table.out().lines().skip(1).findFirst().orElseThrow().split("\\s+"))
                .containsExactly(id, "aws", "s3://list/focus/*.parquet", "us-east-1", "2", "true", "-", "-", "-");

        JsonNode asJson = json(admin.run("cost", "billing-source", "list", "--format", "json").out());
        assertThat(asJson).hasSize(1);
        assertThat(asJson.get(0).path("last_status").isNull()).isTrue();
        assertThat(asJson.get(0).path("tenant_id").asString()).isEqualTo(tenant);

        assertThat(admin.run("cost", "billing-source", "list", "--format", "simple").out().trim())
                .isEqualTo(String.join("\t", id, "aws", "s3://list/focus/*.parquet", "us-east-1", "2", "true", "-", "-", "-"));

        assertThat(admin.run("cost", "billing-source", "list", "--format", "csv").out().lines().toList()).containsExactly(
                "ID,PROVIDER,SOURCE_URI,REGION,WINDOW_MONTHS,ENABLED,LAST_STATUS,LAST_SYNCED_AT,LAST_ROW_COUNT",
                // in CSV a value that is not there is an empty field, not a person's "-"
                String.join(",", id, "aws", "s3://list/focus/*.parquet", "us-east-1", "2", "true", "", "", ""));
        assertThat(admin.run("tenant", "list", "--format", "csv").out().lines().findFirst().orElseThrow()).isEqualTo("ID,NAME");
    }

    @Test
    void syncQueuesAndBackfills() {
        String id = add("s3://sync/focus/*.parquet");
        var r = admin.run("cost", "billing-source", "sync", id);
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).isEqualTo("Sync queued for billing source " + id);

        String other = add("s3://sync/other/*.parquet");
        var backfill = admin.run("cost", "billing-source", "sync", "--tenant", tenant, other, "--from", "2026-01-01");
        assertThat(backfill.exit()).isZero();
        var runs = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + other + "/runs").body().path("results");
        assertThat(runs.get(0).path("trigger").asString()).isEqualTo("backfill");
        assertThat(runs.get(0).path("window_start").asString()).isEqualTo("2026-01-01");

        var history = admin.run("cost", "billing-source", "runs", other);
        assertThat(history.exit()).isZero();
        assertThat(history.out()).contains("queued", "backfill", "2026-01-01");

        assertThat(admin.run("cost", "billing-source", "sync", other, "--from", "January").exit()).isEqualTo(124);
        var unknown = admin.run("cost", "billing-source", "sync", "00000000-0000-0000-0000-000000000000");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("Not found: ");
    }

    @Test
    void updateEnableAndDisable() {
        String id = add("s3://upd/focus/*.parquet");
        var updated = admin.run("cost", "billing-source", "update", id, "--window-months", "3");
        assertThat(updated.exit()).as(updated.err()).isZero();
        assertThat(json(updated.out()).path("window_months").asInt()).isEqualTo(3);
        assertThat(json(updated.out()).path("region").asString()).isEqualTo("us-east-1");
        assertThat(json(updated.out()).has("last_status")).as("the whole source, as list --format json shows it").isTrue();

        var all = admin.run("cost", "billing-source", "update", id, "--region", "eu-west-1", "--source-uri", "s3://upd/v2/*.parquet",
                "--enabled", "false");
        assertThat(all.exit()).as(all.err()).isZero();
        JsonNode source = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + id).body();
        assertThat(source.path("region").asString()).isEqualTo("eu-west-1");
        assertThat(source.path("source_uri").asString()).isEqualTo("s3://upd/v2/*.parquet");
        assertThat(source.path("enabled").asBoolean()).isFalse();
        assertThat(source.path("window_months").asInt()).isEqualTo(3);

        var enable = admin.run("cost", "billing-source", "enable", id);
        assertThat(enable.exit()).isZero();
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + id).body().path("enabled").asBoolean()).isTrue();
        var disable = admin.run("cost", "billing-source", "disable", id);
        assertThat(disable.exit()).isZero();
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + id).body().path("enabled").asBoolean()).isFalse();

        assertThat(admin.run("cost", "billing-source", "update", id).exit()).as("nothing to update").isEqualTo(124);
        assertThat(admin.run("cost", "billing-source", "update", id, "--enabled", "maybe").exit()).isEqualTo(124);
        var tooLong = admin.run("cost", "billing-source", "update", id, "--window-months", "99");
        assertThat(tooLong.exit()).isEqualTo(1);
        assertThat(tooLong.err()).contains("window_months must be between 1 and 36");
    }

    @Test
    void removeAsksAndOnlyYesProceeds() {
        String id = add("s3://rmv/focus/*.parquet");
        String path = "/api/v1/tenants/" + tenant + "/billing-sources/" + id;

        var noTerminal = admin.terminal(CliRunner.noTerminal()).run("cost", "billing-source", "remove", id);
        assertThat(noTerminal.exit()).isEqualTo(1);
        assertThat(noTerminal.err()).contains("no terminal");
        assertThat(api.get(ADMIN_KEY, path).status()).isEqualTo(200);

        for (String answer : List.of("no", "y", "YES", "")) {
            var declined = admin.terminal(CliRunner.answering(answer)).run("cost", "billing-source", "remove", id);
            assertThat(declined.exit()).as(answer).isEqualTo(1);
            assertThat(declined.err()).contains("Cancelled");
            assertThat(api.get(ADMIN_KEY, path).status()).isEqualTo(200);
        }

        var confirmed = admin.terminal(CliRunner.answering("yes")).run("cost", "billing-source", "remove", id);
        assertThat(confirmed.exit()).isZero();
        assertThat(api.get(ADMIN_KEY, path).status()).isEqualTo(404);

        String other = add("s3://rmv/other/*.parquet");
        var auto = admin.terminal(CliRunner.noTerminal()).run("cost", "billing-source", "remove", other, "--auto-approve");
        assertThat(auto.exit()).isZero();
        assertThat(auto.out()).contains("Removed billing source " + other);
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + other).status()).isEqualTo(404);
    }

    @Test
    void refusalsAtTheServerExit1WithTheReason() {
        add("s3://deny/focus/*.parquet");
        String member = newKey(tenant, "member");
        var r = new CliRunner(api.base(), member).env("STATEGRAPH_TENANT_ID", tenant).run("cost", "billing-source", "list");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().trim()).isEqualTo("Forbidden: admin privileges required");
        assertThat(r.out()).isEmpty();

        var noKey = new CliRunner(api.base(), null).run("whoami");
        assertThat(noKey.exit()).isEqualTo(1);
        assertThat(noKey.err()).contains("STATEGRAPH_API_KEY");

        var down = new CliRunner("http://127.0.0.1:1", ADMIN_KEY).run("whoami");
        assertThat(down.exit()).isEqualTo(1);
        assertThat(down.err()).contains("cannot reach the server");
    }

    @Test
    void anInternalFailureExits125() {
        String id = add("s3://boom/focus/*.parquet");
        Terminal broken = new Terminal() {
            @Override
            public String readLine(String prompt) {
                throw new IllegalStateException("terminal exploded");
            }

            @Override
            public char[] readPassword(String prompt) {
                throw new IllegalStateException("terminal exploded");
            }
        };
        var r = admin.terminal(broken).run("cost", "billing-source", "remove", id);
        assertThat(r.exit()).isEqualTo(125);
        assertThat(r.err()).contains("internal error");
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + id).status()).isEqualTo(200);
    }

    @Test
    void tenantFlagOverridesTheEnvironment() {
        String other = newTenant();
        var r = admin.run("cost", "billing-source", "add", "--tenant", other, "--provider", "gcp", "--source-uri", "gs://flag/x.csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + other + "/billing-sources").body().path("results")).hasSize(1);
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources").body().path("results")).isEmpty();
    }

    @Test
    void controlCharactersFromTheServerNeverReachTheTerminal() {
        // What a state (as billing data) may hold: a title change, a bell, a colour, C1 CSI, a carriage return.
        String hostile = "i-evil\u001b]0;PWNED\u0007\u001b[31mred\u009b2J\rover";
        var pushed = api.put(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/states/hostile", com.stategraph.billing.support.TerraformStates
                .state(1, "hostile-lineage").managed("aws_instance", "web", "aws", java.util.Map.of("id", hostile)).json());
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        String id = pushed.text("id");
        assertThat(admin.run("state", "show", id).out()).as("shown, each replaced")
                .contains("i-evil\uFFFD]0;PWNED\uFFFD\uFFFD[31mred\uFFFD2J\uFFFDover");
        for (String format : List.of("table", "json", "simple")) {
            var shown = admin.run("state", "show", id, "--format", format);
            assertThat(shown.exit()).as(shown.err()).isZero();
            assertThat(shown.out()).as(format).contains("]0;PWNED");
            assertThat(shown.out().chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f))
                    .as(format + ": no control character at all").isEmpty();
        }
    }
}
