package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A sync that cannot finish ends as an error and frees its source: one that outlives
 * STATEGRAPH_SYNC_TIMEOUT, and one that dies of an Error (a real OutOfMemoryError in a server
 * process with a small heap, on a Parquet row group larger than that heap).
 */
class SyncLimitsProcessTest {
    private static final String KEY = "sgk_limits-test-admin-key-0123456789abcdef";
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);
    private static EmbeddedPostgres pg;
    private static Map<String, String> database;

    @BeforeAll
    static void startDatabase() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        database = Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(pg.getPort()), "DB_USER", "postgres",
                "DB_NAME", "postgres");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        pg.close();
    }

    private static JsonNode syncAndWait(HttpApi api, String tenant, String source) throws Exception {
        String path = "/api/v1/tenants/" + tenant + "/billing-sources/" + source;
        var requested = api.post(KEY, path + "/sync", Map.of());
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        String runId = requested.text("id");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode run : api.get(KEY, path + "/runs").body().path("results")) {
                if (run.path("id").asString().equals(runId) && run.path("status").asString().matches("ok|error")) {
                    return run;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not finish");
    }

    private static String[] tenantAndSource(HttpApi api, Path dir) {
        String tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "limits-" + System.nanoTime())).text("id");
        var source = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources",
                Map.of("provider", "aws", "source_uri", "file://" + dir + "/"));
        assertThat(source.status()).as(source.raw()).isEqualTo(201);
        return new String[] {tenant, source.text("id")};
    }

    @Test
    void aSyncPastItsTimeLimitFailsAndChangesNothing() throws Exception {
        Path dir = Files.createTempDirectory("limits-timeout-");
        ExportFixtures.csv(dir.resolve("a.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart"),
                List.of(List.of("1.5", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z")));
        try (ServerProcess server = ServerProcess.start(database, KEY, "--stategraph.sync.timeout=1ms")) {
            HttpApi api = new HttpApi(server.port());
            String[] ids = tenantAndSource(api, dir);

            JsonNode run = syncAndWait(api, ids[0], ids[1]);

            assertThat(run.path("status").asString()).isEqualTo("error");
            assertThat(run.path("error").asString()).contains("STATEGRAPH_SYNC_TIMEOUT").endsWith("nothing was changed");
            assertThat(run.path("rows").asLong()).isZero();
            JsonNode next = api.post(KEY, "/api/v1/tenants/" + ids[0] + "/billing-sources/" + ids[1] + "/sync", Map.of()).body();
            assertThat(next.path("id").asString()).as("the source is free for the next sync").isNotEqualTo(run.path("id").asString());
        }
    }

    @Test
    void aRowGroupLargerThanTheSyncsShareOfTheHeapIsRefusedAndAnOutOfMemoryErrorStillEndsTheRun() throws Exception {
        // One row group of about 120 MB of incompressible text, read by a server with a 160 MB heap.
        Path dir = Files.createTempDirectory("limits-oom-");
        Random random = new Random(1);
        List<Map<String, Object>> rows = new ArrayList<>();
        Instant start = M.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < 120_000; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("BilledCost", 0.01);
            row.put("BillingCurrency", "USD");
            row.put("BillingPeriodStart", start);
            row.put("ChargePeriodStart", start);
            StringBuilder text = new StringBuilder(1000);
            for (int c = 0; c < 1000; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            row.put("ResourceId", text.toString());
            rows.add(row);
        }
        ExportFixtures.parquet(dir.resolve("huge-row-group.parquet"), ExportFixtures.AWS_SCHEMA, rows,
                CompressionCodecName.UNCOMPRESSED);
        rows.clear();
        // By default the row group's memory is weighed first: it needs more than the syncs' share of the heap, so it is refused.
        try (ServerProcess server = ServerProcess.start("160m", Files.createTempDirectory("stategraph-proc-"), database, KEY)) {
            HttpApi api = new HttpApi(server.port());
            String[] ids = tenantAndSource(api, dir);

            JsonNode run = syncAndWait(api, ids[0], ids[1]);

            assertThat(run.path("status").asString()).isEqualTo("error");
            assertThat(run.path("error").asString()).startsWith("file://" + dir.resolve("huge-row-group.parquet")
                    + ": row group 1 needs about").contains("STATEGRAPH_SYNC_MEMORY");
        }
        // An operator who gives syncs more than the heap has gets a real OutOfMemoryError: it too ends the run.
        try (ServerProcess server = ServerProcess.start("160m", Files.createTempDirectory("stategraph-proc-"), database, KEY,
                "--stategraph.sync.memory=1GB")) {
            HttpApi api = new HttpApi(server.port());
            String[] ids = tenantAndSource(api, dir);

            JsonNode run = syncAndWait(api, ids[0], ids[1]);

            assertThat(run.path("status").asString()).isEqualTo("error");
            assertThat(run.path("error").asString()).startsWith("the sync ran out of memory").endsWith("nothing was changed");
            JsonNode source = api.get(KEY, "/api/v1/tenants/" + ids[0] + "/billing-sources/" + ids[1]).body();
            assertThat(source.path("last_status").asString()).isEqualTo("error");
            assertThat(api.get(null, "/actuator/health").status()).as("the server goes on").isEqualTo(200);
            JsonNode next = api.post(KEY, "/api/v1/tenants/" + ids[0] + "/billing-sources/" + ids[1] + "/sync", Map.of()).body();
            assertThat(next.path("id").asString()).as("the source is free for the next sync").isNotEqualTo(run.path("id").asString());
        }
    }

    @Test
    void aCostQuestionPastTheQueryTimeoutIs503WithRetryAfterAndTheServerGoesOn() throws Exception {
        // 30,000 billing rows grouped by resource take far longer than the 1 ms this server allows a question. The range
        // ends inside the month's charges, so the answer is read from the rows: a whole month's question is answered from
        // the month's kept largest resources in well under a millisecond a statement, and only some of those were cancelled.
        Path dir = Files.createTempDirectory("limits-query-");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            rows.add(List.of("0.01", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1 + i % 2) + "T00:00:00Z", "res-" + i));
        }
        ExportFixtures.csv(dir.resolve("a.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        try (ServerProcess server = ServerProcess.start(database, KEY, "--stategraph.api.query-timeout=1ms")) {
            HttpApi api = new HttpApi(server.port());
            String[] ids = tenantAndSource(api, dir);
            assertThat(syncAndWait(api, ids[0], ids[1]).path("status").asString()).as("syncs have no such limit").isEqualTo("ok");

            java.net.http.HttpResponse<String> slow = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/tenants/" + ids[0]
                            + "/costs/actuals?group_by=resource&from=" + M.atDay(1) + "&to=" + M.atDay(2)))
                            .header("Authorization", "Bearer " + KEY).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(slow.statusCode()).as(slow.body()).isEqualTo(503);
            assertThat(slow.headers().firstValue("Retry-After")).isPresent();
            assertThat(HttpApi.JSON.readTree(slow.body()).path("id").asString()).isEqualTo("QUERY_TIMEOUT");
            assertThat(api.get(KEY, "/api/v1/whoami").status()).as("everything else answers").isEqualTo(200);
        }
    }
}
