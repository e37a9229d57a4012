package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerProcess;
import com.stategraph.billing.support.TerraformStates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A real server whose every question waits on a lock the test holds on the data's tables: each view,
 * estimate, history, attribution, compare and FinOps answer is 503 QUERY_TIMEOUT or BUSY with
 * Retry-After when its time runs out, never 500, whatever it waited for. (Without a price book the
 * estimate views answer 503 PRICING_NOT_LOADED at once, as they should.) Then a server on the same data
 * whose questions may run 1 ms and whose pool holds two connections, asked everything at once.
 */
class SlowDatabaseProcessTest {
    private static final String KEY = "sgk_slow-db-test-admin-key-0123456789abcdef";
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);
    /** Tables a request's authentication and role check read: left unlocked, so the questions get as far as their data. */
    private static final String AUTH_TABLES = "^(api_keys|users|user_.*|tenants|tenant_members|memberships|sessions"
            + "|flyway_schema_history|scheduled_tasks|audit_log)$";

    @Test
    void everyKindOfQuestionWaitingOnTheDatabaseAnswers503WithRetryAfterNever500() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             ServerProcess server = ServerProcess.start(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(pg.getPort()),
                     "DB_USER", "postgres", "DB_NAME", "postgres"), KEY, "--stategraph.api.query-timeout=400ms",
                     "--stategraph.api.statement-timeout=800ms")) {
            HttpApi api = new HttpApi(server.port());
            String tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "slow-db")).text("id");
            Path dir = Files.createTempDirectory("slow-db-");
            String ps = M.atDay(1) + "T00:00:00Z";
            ExportFixtures.csv(dir.resolve("a.csv"), false, false, List.of("BilledCost", "BillingCurrency", "BillingPeriodStart",
                    "ChargePeriodStart", "ResourceId", "ServiceName"), List.of(List.of("1.5", "USD", ps, ps, "i-1", "Compute"),
                    List.of("2.5", "USD", ps, ps, "i-2", "Compute")));
            String source = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources", Map.of("provider", "aws",
                    "source_uri", "file://" + dir + "/", "window_months", 1)).text("id");
            String run = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync", Map.of()).text("id");
            awaitRun(api, tenant, source, run);
            HttpApi.Response pushed = api.sendStreamed(KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/app",
                    TerraformStates.state(1, "slow").managed("aws_instance", "a", "aws", Map.of("id", "i-1", "instance_type",
                            "m5.large", "region", "us-east-1")).json());
            assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
            String state = pushed.text("id");

            String t = "/api/v1/tenants/" + tenant;
            String month = M.toString();
            List<String> questions = List.of(t + "/costs?month=" + month, t + "/costs?month=" + month + "&group_by=service",
                    t + "/costs/history", t + "/costs/unmanaged", t + "/costs/attribution", t + "/costs/compare",
                    t + "/costs/forecast", t + "/costs/anomalies", t + "/costs/tag-coverage", t + "/costs/commitments",
                    t + "/costs/commitment-coverage", t + "/costs/savings", t + "/costs/invoices", t + "/states",
                    t + "/billing-sources", t + "/billing-sources/" + source + "/runs", "/api/v1/states/" + state + "/costs",
                    "/api/v1/states/" + state + "/costs/compare", "/api/v1/states/" + state + "/costs/actuals",
                    "/api/v1/states/" + state + "/resources", "/api/v1/states/" + state + "/costs/unsupported");

            JdbcClient db = JdbcClient.create(pg.getPostgresDatabase());
            List<String> tables = db.sql("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename !~ ?")
                    .param(AUTH_TABLES).query(String.class).list();
            assertThat(tables).isNotEmpty();
            Map<String, Integer> statuses = new LinkedHashMap<>();
            List<String> without = new ArrayList<>();
            List<String> waited = new ArrayList<>();
            try (Connection holder = lockData(pg, tables, tenant, state)) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                for (String q : questions) {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + q))
                            .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(60)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    statuses.put(q, answer.statusCode());
                    boolean later = answer.body().contains("\"QUERY_TIMEOUT\"") || answer.body().contains("\"BUSY\"");
                    if (later) {
                        waited.add(q);
                    }
                    if (later && answer.headers().firstValue("Retry-After").isEmpty()) {
                        without.add(q + " " + answer.body());
                    }
                }
                holder.rollback();
            }
            assertThat(statuses).isNotEmpty();
            assertThat(statuses).as("never 500").allSatisfy((q, status) -> assertThat(status).as(q).isNotEqualTo(500));
            assertThat(waited).as("questions that waited on the locked data and were told to come back").hasSizeGreaterThan(5);
            assertThat(without).as("503 without Retry-After").isEmpty();
            assertThat(server.log()).doesNotContain("unexpected error");

            // The same questions all at once, to a server on the same data whose questions may run 1 ms (its other statements
            // 1 s: with less it does not start) and whose pool holds two connections: each is answered, told to come back
            // (with Retry-After), or refused as busy; never 500.
            try (ServerProcess starved = ServerProcess.start(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(pg.getPort()),
                    "DB_USER", "postgres", "DB_NAME", "postgres"), KEY, "--stategraph.api.query-timeout=1ms",
                    "--stategraph.api.statement-timeout=1s", "--stategraph.database.pool-size=2",
                    "--stategraph.database.wait=250ms")) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                // One at a time: the 1 ms a question may wait on the locked data; then all at once, three times over: the
                // two connections.
                Map<String, Integer> oneByOne;
                Map<String, Integer> atOnce;
                try (Connection holder = lockData(pg, tables, tenant, state)) {
                    oneByOne = ask(http, starved.port(), questions, 1, false);
                    atOnce = ask(http, starved.port(), questions, 3, true);
                    holder.rollback();
                }
                assertThat(oneByOne).as("one by one: %s", oneByOne).containsKey("QUERY_TIMEOUT").doesNotContainKey("500");
                assertThat(atOnce).as("all at once: %s", atOnce).containsKey("BUSY").doesNotContainKey("500");
                assertThat(starved.log()).doesNotContain("unexpected error");
            }
        }
    }

    /** Holds every data table and the server's advisory locks until the connection's transaction ends. */
    private static Connection lockData(EmbeddedPostgres pg, List<String> tables, String tenant, String state) throws Exception {
        Connection holder = pg.getPostgresDatabase().getConnection();
        holder.setAutoCommit(false);
        try (Statement lock = holder.createStatement()) {
            lock.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
            // and the advisory locks the server's own work takes (rollups, estimates, attribution, anomalies)
            for (String key : List.of("month-top-resources:" + tenant, "estimate:" + state, "attribution:" + tenant,
                    "anomalies:" + tenant)) {
                lock.execute("SELECT pg_advisory_xact_lock(hashtextextended('" + key + "', 0))");
            }
        }
        return holder;
    }

    /**
     * Asks each question {@code rounds} times, one after another or all at once: how many answers came of each kind
     * (QUERY_TIMEOUT, BUSY, else the status). Fails on a "come back later" without Retry-After.
     */
    private static Map<String, Integer> ask(HttpClient http, int port, List<String> questions, int rounds, boolean atOnce)
            throws Exception {
        Map<String, java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String q : questions) {
                var sent = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + q))
                        .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (!atOnce) {
                    sent.join();
                }
                answers.put(round + " " + q, sent);
            }
        }
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (var e : answers.entrySet()) {
            HttpResponse<String> answer = e.getValue().get(90, java.util.concurrent.TimeUnit.SECONDS);
            String body = answer.body();
            String code = body.contains("\"QUERY_TIMEOUT\"") ? "QUERY_TIMEOUT" : body.contains("\"BUSY\"") ? "BUSY"
                    : String.valueOf(answer.statusCode());
            codes.merge(code, 1, Integer::sum);
            if (code.equals("QUERY_TIMEOUT") || code.equals("BUSY")) {
                assertThat(answer.headers().firstValue("Retry-After")).as(e.getKey() + " told to come back").isPresent();
            }
        }
        return codes;
    }

    private static void awaitRun(HttpApi api, String tenant, String source, String runId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode r : api.get(KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/runs").body().path("results")) {
                if (r.path("id").asString().equals(runId) && r.path("status").asString().equals("ok")) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the sync did not finish ok within a minute");
    }
}
