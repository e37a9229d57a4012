package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pool test: many questions over billing rows at once from two tenants, then a cheap question
 * and a sync. The cheap one answers, the sync runs to the end, and the slow ones are answered
 * (200), or refused with 429 BUSY / 503 QUERY_TIMEOUT and Retry-After; none is a 500.
 */
class OverloadProcessTest {
    private static final String KEY = "sgk_overload-test-admin-key-0123456789abcdef";
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);
    private static final int SLOW_PER_TENANT = 12;

    private static JsonNode awaitRun(HttpApi api, String tenant, String source, String runId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode run : api.get(KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/runs").body()
                    .path("results")) {
                if (run.path("id").asString().equals(runId) && run.path("status").asString().matches("ok|error")) {
                    return run;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not finish");
    }

    private static String sourceWithRows(HttpApi api, String tenant, int rows, String prefix) throws Exception {
        Path dir = Files.createTempDirectory("overload-");
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add(List.of("0.01", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1 + i % 20) + "T00:00:00Z",
                    prefix + "-resource-" + i, "{\"team\":\"" + (i % 50) + "\"}"));
        }
        ExportFixtures.csv(dir.resolve("export.csv"), true, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId", "Tags"),
                lines);
        var source = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources",
                Map.of("provider", "aws", "source_uri", "file://" + dir + "/"));
        assertThat(source.status()).as(source.raw()).isEqualTo(201);
        return source.text("id");
    }

    private static String sync(HttpApi api, String tenant, String source) {
        var requested = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync", Map.of());
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        return requested.text("id");
    }

    @Test
    void slowQuestionsAreRefusedInTimeWhileACheapQuestionAndASyncGoOn() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             ServerProcess server = ServerProcess.start(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(pg.getPort()),
                     "DB_USER", "postgres", "DB_NAME", "postgres"), KEY,
                     "--stategraph.database.pool-size=4", "--stategraph.api.query-timeout=3s")) {
            HttpApi api = new HttpApi(server.port());
            List<String> tenants = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "overload-" + t)).text("id");
                String source = sourceWithRows(api, tenant, 150_000, "t" + t);
                JsonNode loaded = awaitRun(api, tenant, source, sync(api, tenant, source));
                assertThat(loaded.path("status").asString()).as(loaded.toString()).isEqualTo("ok");
                tenants.add(tenant);
            }
            String syncTenant = tenants.get(0);
            String later = sourceWithRows(api, syncTenant, 20_000, "later");

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService clients = Executors.newFixedThreadPool(2 * SLOW_PER_TENANT);
            CountDownLatch gate = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
            String range = "&from=" + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1);
            for (String tenant : tenants) {
                for (int i = 0; i < SLOW_PER_TENANT; i++) {
                    String question = i % 2 == 0 ? "group_by=resource" : "group_by=service&tag=team:" + i;
                    slow.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            gate.await();
                            return http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/tenants/" + tenant
                                            + "/costs/actuals?" + question + range)).header("Authorization", "Bearer " + KEY)
                                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, clients));
                }
            }
            gate.countDown();
            String runId = sync(api, syncTenant, later);
            var cheap = api.get(KEY, "/api/v1/tenants/" + syncTenant + "/costs/actuals?group_by=service&metric=billed" + range);

            assertThat(cheap.status()).as("the cheap question answers: " + cheap.raw()).isEqualTo(200);
            JsonNode run = awaitRun(api, syncTenant, later, runId);
            assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
            assertThat(run.path("rows").asLong()).isEqualTo(20_000);

            List<HttpResponse<String>> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> f : slow) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            clients.shutdown();
            assertThat(answers).hasSize(2 * SLOW_PER_TENANT);
            int refused = 0;
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 429, 503);
                if (answer.statusCode() != 200) {
                    refused++;
                    assertThat(answer.headers().firstValue("Retry-After")).as(answer.body()).isPresent();
                    assertThat(HttpApi.JSON.readTree(answer.body()).path("id").asString()).isIn("BUSY", "QUERY_TIMEOUT");
                }
            }
            assertThat(refused).as("more slow questions than the limits allow at once: some were refused").isPositive();
            assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        }
    }
}
