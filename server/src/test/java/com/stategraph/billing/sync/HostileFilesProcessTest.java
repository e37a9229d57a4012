package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.format.ParquetFileWriter;
import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Files a tenant admin could point a source at to take the server down, read by a real server
 * process with a 512 MB heap while its health endpoint is asked every second: a Parquet file of
 * one row group of a million rows, and a gzip CSV that expands to 2 GB of valid rows. The server
 * answers health within a second throughout, the sync ends, and the rows loaded before are untouched.
 */
class HostileFilesProcessTest {
    private static final String KEY = "sgk_hostile-files-admin-key-0123456789abcdef";
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

    /** Health asked every second from its own thread; each answer's status and time kept. */
    private static final class HealthPoller implements AutoCloseable {
        record Probe(int status, long millis, String error) {
        }

        final List<Probe> probes = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        HealthPoller(String base) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            thread = new Thread(() -> {
                while (running) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                        probes.add(new Probe(r.statusCode(), (System.nanoTime() - start) / 1_000_000, null));
                    } catch (InterruptedException stopped) {
                        // close() interrupted a probe in flight: the poller was stopped, the server did not fail to answer
                        return;
                    } catch (Exception e) {
                        probes.add(new Probe(-1, (System.nanoTime() - start) / 1_000_000, e.toString()));
                    }
                    try {
                        Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - start) / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "health-poller");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(10_000);
        }
    }

    private static JsonNode syncAndWait(HttpApi api, String tenant, String source, Duration limit) throws Exception {
        String path = "/api/v1/tenants/" + tenant + "/billing-sources/" + source;
        var requested = api.post(KEY, path + "/sync", Map.of());
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        String runId = requested.text("id");
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode run : api.get(KEY, path + "/runs").body().path("results")) {
                if (run.path("id").asString().equals(runId) && run.path("status").asString().matches("ok|error")) {
                    return run;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the run did not finish within " + limit);
    }

    private static String source(HttpApi api, String tenant, Path dir) {
        var source = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources",
                Map.of("provider", "aws", "source_uri", "file://" + dir + "/"));
        assertThat(source.status()).as(source.raw()).isEqualTo(201);
        return source.text("id");
    }

    /** A tenant with rows loaded before the hostile file arrives; returns tenant id and those rows' total. */
    private static String[] tenantWithEarlierRows(HttpApi api) throws Exception {
        String tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "hostile-" + System.nanoTime())).text("id");
        Path dir = Files.createTempDirectory("hostile-earlier-");
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 300; i++) {
            BigDecimal cost = new BigDecimal(i).movePointLeft(2).add(BigDecimal.ONE);
            total = total.add(cost);
            rows.add(List.of(cost.toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z", "Amazon S3"));
        }
        ExportFixtures.csv(dir.resolve("earlier.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ServiceName"), rows);
        JsonNode run = syncAndWait(api, tenant, source(api, tenant, dir), Duration.ofSeconds(120));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        return new String[] {tenant, total.toPlainString()};
    }

    private static BigDecimal tenantTotal(HttpApi api, String tenant) {
        JsonNode answer = api.get(KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&group_by=service&from=" + M.atDay(1)
                + "&to=" + M.plusMonths(1).atDay(1)).body();
        BigDecimal total = BigDecimal.ZERO;
        assertThat(answer.path("results").isEmpty()).as(answer.toString()).isFalse();
        for (JsonNode row : answer.path("results")) {
            total = total.add(new BigDecimal(row.path("cost").asString()));
        }
        return total;
    }

    /** Syncs the hostile source while health is asked every second; every answer must be 200 within a second. */
    private static JsonNode syncWatchingHealth(ServerProcess server, HttpApi api, String tenant, String source) throws Exception {
        Instant start = Instant.now();
        try (HealthPoller health = new HealthPoller(server.base())) {
            JsonNode run = syncAndWait(api, tenant, source, Duration.ofMinutes(5));
            health.close();
            assertHealthAnsweredWithinASecond(health, Duration.between(start, Instant.now()));
            return run;
        }
    }

    private static void assertHealthAnsweredWithinASecond(HealthPoller health, Duration syncTook) {
        assertThat(health.probes).as("health was asked all through the sync").hasSizeGreaterThanOrEqualTo(
                (int) Math.max(1, syncTook.toSeconds() / 2));
        for (HealthPoller.Probe p : health.probes) {
            assertThat(p.status()).as("health answer " + p).isEqualTo(200);
            assertThat(p.millis()).as("health answer time " + p).isLessThan(1000);
        }
    }

    @Test
    void aMillionRowsInOneRowGroupNeitherStallsHealthNorTouchesEarlierRows() throws Exception {
        Path dir = Files.createTempDirectory("hostile-row-group-");
        Path file = dir.resolve("one-row-group.parquet");
        int rows = 1_000_000;
        int resources = 20_000;
        SplittableRandom random = new SplittableRandom(7);
        Instant period = M.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String[] services = {"Amazon Elastic Compute Cloud", "Amazon Simple Storage Service", "AWS Lambda", "Amazon RDS"};
        try (ParquetFileWriter w = new ParquetFileWriter(file, ExportFixtures.AWS_SCHEMA, CompressionCodecName.SNAPPY,
                4L << 30)) {
            Map<String, Object> r = new HashMap<>();
            for (int i = 0; i < rows; i++) {
                r.put("BilledCost", 0.01);
                r.put("BillingCurrency", "USD");
                r.put("BillingPeriodStart", period);
                r.put("ChargePeriodStart", period.plus(Duration.ofDays(random.nextInt(M.lengthOfMonth()))));
                r.put("ServiceName", services[random.nextInt(services.length)]);
                r.put("RegionId", "us-east-" + (1 + random.nextInt(2)));
                r.put("SubAccountId", "4444555566" + (10 + random.nextInt(40)));
                // What is hostile here is the row group's size, not the cardinality (bench/run-ingest measures that):
                // a million distinct ResourceIds made this test's sync take two minutes of the test run.
                r.put("ResourceId", "arn:aws:ec2:us-east-1:444455556610:instance/i-" + Integer.toHexString(random.nextInt(resources)));
                r.put("ChargeDescription", "usage of " + services[random.nextInt(services.length)]);
                r.put("Tags", Map.of("team", "team-" + random.nextInt(20), "env", "prod"));
                w.write(r);
            }
        }
        try (var footer = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file),
                org.apache.parquet.ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration()).build())) {
            assertThat(footer.getRowGroups()).as("the fixture really is one row group").hasSize(1);
            assertThat(footer.getRowGroups().get(0).getRowCount()).isEqualTo(rows);
        }
        try (ServerProcess server = ServerProcess.start("512m", Files.createTempDirectory("stategraph-proc-"), database, KEY)) {
            HttpApi api = new HttpApi(server.port());
            String[] earlier = tenantWithEarlierRows(api);
            String tenant = earlier[0];
            JsonNode run = syncWatchingHealth(server, api, tenant, source(api, tenant, dir));
            // Either outcome keeps the server whole: loaded in full, or refused naming the file.
            if (run.path("status").asString().equals("ok")) {
                assertThat(run.path("rows").asLong()).isEqualTo(rows);
                assertThat(tenantTotal(api, tenant)).isEqualByComparingTo(new BigDecimal(earlier[1])
                        .add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(rows))));
            } else {
                assertThat(run.path("error").asString()).contains("one-row-group.parquet");
                assertThat(tenantTotal(api, tenant)).as("earlier rows untouched").isEqualByComparingTo(earlier[1]);
            }
            assertThat(api.get(null, "/actuator/health").status()).as("the server is alive").isEqualTo(200);
        }
    }

    @Test
    void aGzipCsvThatExpandsToTwoGigabytesIsStoppedAndEarlierRowsStay() throws Exception {
        // gzip members may follow one another; one member of 8 MiB of valid rows, written 256 times, expands to 2 GiB.
        Path dir = Files.createTempDirectory("hostile-bomb-");
        Path bomb = dir.resolve("focus-export.csv.gz");
        byte[] row = (0.01 + ",USD," + M.atDay(1) + "T00:00:00Z," + M.atDay(1) + "T00:00:00Z,Amazon S3\n")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        int perMember = (8 << 20) / row.length;
        try (OutputStream gz = new GZIPOutputStream(member)) {
            for (int i = 0; i < perMember; i++) {
                gz.write(row);
            }
        }
        int members = 256;
        try (OutputStream out = Files.newOutputStream(bomb)) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            try (OutputStream gz = new GZIPOutputStream(header)) {
                gz.write("BilledCost,BillingCurrency,BillingPeriodStart,ChargePeriodStart,ServiceName\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(header.toByteArray());
            for (int i = 0; i < members; i++) {
                out.write(member.toByteArray());
            }
        }
        long expandsTo = (long) members * perMember * row.length;
        assertThat(expandsTo).isGreaterThan(2_000_000_000L);
        assertThat(Files.size(bomb)).as("far more than any export expands").isLessThan(expandsTo / 200);

        try (ServerProcess server = ServerProcess.start("512m", Files.createTempDirectory("stategraph-proc-"), database, KEY)) {
            HttpApi api = new HttpApi(server.port());
            String[] earlier = tenantWithEarlierRows(api);
            String tenant = earlier[0];
            JsonNode run = syncWatchingHealth(server, api, tenant, source(api, tenant, dir));
            assertThat(run.path("status").asString()).isEqualTo("error");
            assertThat(run.path("error").asString()).startsWith("file://" + bomb + ": the file expands to more than 100 times")
                    .contains("STATEGRAPH_SYNC_MAX_EXPANSION");
            assertThat(run.path("rows").asLong()).isZero();
            assertThat(tenantTotal(api, tenant)).as("earlier rows untouched").isEqualByComparingTo(earlier[1]);
            assertThat(api.get(null, "/actuator/health").status()).as("the server is alive").isEqualTo(200);
        }
    }
}
