package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerProcess;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The embedded database on a disk that fills during a sync, in a process of its own whose data dir is
 * a small tmpfs (this machine's tests run as root, so they can mount one): the sync ends {@code error}
 * saying the disk is full, the server says so once in its log and keeps answering its liveness probe,
 * and once space is added it runs again without a restart, the earlier rows exact.
 */
class DiskFullProcessTest {
    private static final String KEY = "sgk_disk-full-test-admin-key-0123456789ab";
    private static final YearMonth MONTH = YearMonth.now(ZoneOffset.UTC);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ResourceId", "ServiceName");

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s: %s (this test mounts a tmpfs: it needs root)", String.join(" ", command), out).isZero();
    }

    private static long usedMegabytes(Path dir) throws Exception {
        var store = Files.getFileStore(dir);
        return (store.getTotalSpace() - store.getUsableSpace()) >> 20;
    }

    private static JsonNode awaitRun(HttpApi api, String tenant, String source, String runId, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var runs = api.get(KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/runs");
            for (JsonNode run : runs.body().path("results")) {
                String status = run.path("status").asString();
                if (run.path("id").asString().equals(runId) && (status.equals("ok") || status.equals("error"))) {
                    return run;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run " + runId + " did not end within " + timeout);
    }

    private static String sync(HttpApi api, String tenant, String source) {
        HttpApi.Response queued = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync", Map.of());
        assertThat(queued.status()).as(queued.raw()).isEqualTo(202);
        return queued.text("id");
    }

    private static String[] tenantAndSource(HttpApi api, Path export) {
        String tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "disk-" + UUID.randomUUID())).text("id");
        HttpApi.Response source = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources",
                Map.of("provider", "aws", "source_uri", export.toUri().toString(), "window_months", 1));
        assertThat(source.status()).as(source.raw()).isEqualTo(201);
        return new String[] {tenant, source.text("id")};
    }

    @Test
    void aSyncThatFillsTheDiskEndsSayingSoAndTheServerRecoversOnceSpaceIsAdded() throws Exception {
        Path mount = Files.createTempDirectory("disk-full-");
        run("mount", "-t", "tmpfs", "-o", "size=400m", "tmpfs", mount.toString());
        Path small = Files.createTempDirectory("disk-full-small-");
        Path big = Files.createTempDirectory("disk-full-big-");
        try (ServerProcess server = ServerProcess.start("512m", mount.resolve("data"), Map.of(), KEY,
                "--stategraph.sync.poll-interval=500ms")) {
            HttpApi api = new HttpApi(server.port());
            BigDecimal earlier = new BigDecimal("12.34").add(new BigDecimal("0.66"));
            ExportFixtures.csv(small.resolve("focus.csv"), false, false, HEADER, List.of(
                    List.of("12.34", "USD", MONTH.atDay(1) + "T00:00:00Z", MONTH.atDay(1) + "T00:00:00Z", "i-small-1", "EC2"),
                    List.of("0.66", "USD", MONTH.atDay(1) + "T00:00:00Z", MONTH.atDay(1) + "T00:00:00Z", "i-small-2", "EC2")));
            String[] first = tenantAndSource(api, small);
            assertThat(awaitRun(api, first[0], first[1], sync(api, first[0], first[1]), Duration.ofSeconds(60))
                    .path("status").asString()).isEqualTo("ok");

            // An export whose rows, rollups and write-ahead log need far more than the 40 MB left.
            try (BufferedWriter w = Files.newBufferedWriter(big.resolve("focus.csv"))) {
                w.write(String.join(",", HEADER) + "\n");
                for (int i = 0; i < 600_000; i++) {
                    w.write("0." + (i % 997 + 1) + ",USD," + MONTH.atDay(1) + "T00:00:00Z," + MONTH.atDay(1 + i % 27)
                            + "T00:00:00Z,arn:aws:ec2:us-east-1:123456789012:instance/i-" + String.format("%017x", i * 2654435761L)
                            + ",Amazon Elastic Compute Cloud\n");
                }
            }
            run("mount", "-o", "remount,size=" + (usedMegabytes(mount) + 40) + "m", mount.toString());
            String[] second = tenantAndSource(api, big);
            String runId = sync(api, second[0], second[1]);

            // Until its disk is full (the database stops, or refuses the rows), then space is added.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (!server.log().contains(DatabaseOutage.DISK_FULL) && !server.log().contains("the database's disk is full (")) {
                assertThat(Instant.now()).as("the disk filled within two minutes").isBefore(deadline);
                Thread.sleep(500);
            }
            assertThat(api.get(null, "/actuator/health/liveness").status()).as("the process answers its liveness probe").isEqualTo(200);
            run("mount", "-o", "remount,size=900m", mount.toString());

            JsonNode failed = awaitRun(api, second[0], second[1], runId, Duration.ofSeconds(120));
            assertThat(failed.path("status").asString()).isEqualTo("error");
            assertThat(failed.path("error").asString()).isEqualTo(DatabaseOutage.DISK_FULL);
            assertThat(api.get(null, "/actuator/health/readiness").status()).as("ready again, without a restart").isEqualTo(200);
            JsonNode actuals = api.get(KEY, "/api/v1/tenants/" + first[0] + "/costs/actuals?metric=billed&from=" + MONTH.atDay(1)).body();
            assertThat(new BigDecimal(actuals.path("totals").get(0).path("cost").asString())).as("the earlier rows, exact")
                    .isEqualByComparingTo(earlier);
            JsonNode none = api.get(KEY, "/api/v1/tenants/" + second[0] + "/costs/actuals?metric=billed&from=" + MONTH.atDay(1)).body();
            assertThat(none.path("totals").isEmpty()).as("nothing of the failed sync: " + none).isTrue();
            String log = server.log();
            int said = log.split("the database's disk is full \\(", -1).length - 1;
            assertThat(said).as("the log says the disk is full at most once").isLessThanOrEqualTo(1);
        } finally {
            run("umount", "-l", mount.toString());
        }
    }
}
