package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real server processes on one PostgreSQL: a server killed with {@code kill -9} in the middle of
 * a sync leaves the old rows, and another replica finishes the sync after the heartbeat timeout;
 * two replicas asked for the same sync run it once; a server restarted on its data directory takes
 * up its own interrupted sync at once; a sync whose server dies at every start stops at the
 * attempt limit.
 */
class FaultToleranceTest {
    private static final String KEY = "sgk_fault-test-admin-key-0123456789abcdef";
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);
    private static final int BIG_ROWS = 600_000;
    private static EmbeddedPostgres pg;
    private static JdbcClient db;
    private static Map<String, String> database;
    private final List<ServerProcess> servers = new ArrayList<>();

    @BeforeAll
    static void startDatabase() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        db = JdbcClient.create(pg.getPostgresDatabase());
        database = Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(pg.getPort()), "DB_USER", "postgres",
                "DB_NAME", "postgres");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        pg.close();
    }

    @org.junit.jupiter.api.AfterEach
    void stopServers() throws Exception {
        for (ServerProcess s : servers) {
            s.close();
        }
    }

    private ServerProcess server(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--stategraph.sync.heartbeat-interval=1s", "--stategraph.sync.poll-interval=500ms"));
        args.addAll(List.of(more));
        ServerProcess s = ServerProcess.start(database, KEY, args.toArray(String[]::new));
        servers.add(s);
        return s;
    }

    private int starts(String runId) {
        return db.sql("SELECT starts FROM sync_runs WHERE id = ?::uuid").param(runId).query(Integer.class).single();
    }

    @Test
    void aServerRestartedOnItsDataDirTakesUpItsOwnSyncWithoutWaitingForTheHeartbeatTimeout() throws Exception {
        Path dir = Files.createTempDirectory("restart-");
        Path dataDir = Files.createTempDirectory("restart-data-");
        csv(dir.resolve("big.csv"), BIG_ROWS, "0.01");
        // the default heartbeat: another replica would take the run up only after 4 missed beats, 2 minutes
        ServerProcess before = ServerProcess.start("512m", dataDir, database, KEY, "--stategraph.sync.poll-interval=500ms");
        servers.add(before);
        HttpApi api = new HttpApi(before.port());
        String tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "restart-" + UUID.randomUUID())).text("id");
        String source = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources",
                Map.of("provider", "aws", "source_uri", "file://" + dir + "/", "window_months", 1)).text("id");
        String runId = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync", Map.of()).text("id");
        awaitStatus(runId, Set.of("running"), 100_000, 60);
        before.kill9();
        assertThat(count(source)).isZero();

        ServerProcess after = ServerProcess.start("512m", dataDir, database, KEY, "--stategraph.sync.poll-interval=500ms");
        servers.add(after);
        Instant healthy = Instant.now();
        while (starts(runId) < 2) {
            assertThat(Instant.now()).as("taken up within 60 s of the restarted server being healthy")
                    .isBefore(healthy.plusSeconds(60));
            Thread.sleep(100);
        }
        assertThat(awaitStatus(runId, Set.of("ok", "error"), 0, 120)).isEqualTo("ok");
        assertThat(count(source)).isEqualTo(BIG_ROWS);
        assertThat(sum(source)).isEqualByComparingTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(BIG_ROWS)));
        assertThat(db.sql("SELECT warnings::text FROM sync_runs WHERE id = ?::uuid").param(runId).query(String.class).single())
                .contains("RESUMED_AFTER_RESTART");
        assertThat(after.log()).contains("took up 1 execution(s) this server was running when it stopped");
    }

    @Test
    void aSyncWhoseServerDiesAtEveryStartStopsAtTheAttemptLimit() throws Exception {
        Path dir = Files.createTempDirectory("runaway-");
        csv(dir.resolve("small.csv"), 3, "2.00");
        ServerProcess first = server("--stategraph.sync.max-attempts=2");
        HttpApi api = new HttpApi(first.port());
        String tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "runaway-" + UUID.randomUUID())).text("id");
        String source = api.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources",
                Map.of("provider", "aws", "source_uri", "file://" + dir + "/", "window_months", 1)).text("id");
        String sync = "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync";
        awaitStatus(api.post(KEY, sync, Map.of()).text("id"), Set.of("ok"), 0, 60);
        Files.delete(dir.resolve("small.csv"));
        csv(dir.resolve("big.csv"), BIG_ROWS, "0.01");
        String runId = api.post(KEY, sync, Map.of()).text("id");

        // two starts, each killed mid-load (the limit is 2 attempts)
        awaitStatus(runId, Set.of("running"), 100_000, 60);
        assertThat(starts(runId)).isEqualTo(1);
        first.kill9();
        ServerProcess second = server("--stategraph.sync.max-attempts=2");
        Instant deadline = Instant.now().plusSeconds(120);
        while (starts(runId) < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        awaitStatus(runId, Set.of("running"), 100_000, 60);
        assertThat(starts(runId)).as("revived once").isEqualTo(2);
        second.kill9();

        // the third start is past the limit: the run ends with an error that says so, and the rows stay as they were
        server("--stategraph.sync.max-attempts=2");
        assertThat(awaitStatus(runId, Set.of("ok", "error"), 0, 120)).isEqualTo("error");
        assertThat(starts(runId)).isEqualTo(3);
        String error = db.sql("SELECT error FROM sync_runs WHERE id = ?::uuid").param(runId).query(String.class).single();
        assertThat(error).contains("started 3 times").contains("STATEGRAPH_SYNC_MAX_ATTEMPTS is 2").contains("nothing was changed");
        assertThat(count(source)).isEqualTo(3);
        assertThat(sum(source)).isEqualByComparingTo("6.00");
        assertThat(db.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'billing-sync' AND task_instance = ?")
                .param(runId).query(Long.class).single()).as("not revived again").isZero();
    }

    private static void csv(Path file, int rows, String cost) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("BilledCost,BillingCurrency,BillingPeriodStart,ChargePeriodStart,ServiceName,Tags\n");
            String tail = ",USD," + M.atDay(1) + "T00:00:00Z," + M.atDay(1) + "T00:00:00Z,Compute,\"{\"\"team\"\":\"\"core\"\"}\"\n";
            for (int i = 0; i < rows; i++) {
                w.write(cost);
                w.write(tail);
            }
        }
    }

    private Map<String, Object> runRow(String runId) {
        return db.sql("SELECT status, rows FROM sync_runs WHERE id = ?::uuid").param(runId).query().singleRow();
    }

    private long count(String source) {
        return db.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid").param(source).query(Long.class).single();
    }

    private BigDecimal sum(String source) {
        return db.sql("SELECT coalesce(sum(billed_cost), 0) FROM billing_rows WHERE source_id = ?::uuid").param(source)
                .query(BigDecimal.class).single();
    }

    private String awaitStatus(String runId, Set<String> statuses, long minRows, int seconds) throws Exception {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> run = runRow(runId);
            if (statuses.contains((String) run.get("status")) && ((Number) run.get("rows")).longValue() >= minRows) {
                return (String) run.get("status");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " never reached " + statuses + " with " + minRows + " rows: " + runRow(runId));
    }

    @Test
    void killedMidSyncKeepsTheOldRowsAndAnotherReplicaFinishesTheSync() throws Exception {
        Path dir = Files.createTempDirectory("fault-");
        csv(dir.resolve("small.csv"), 2, "1.75");
        ServerProcess a = server();
        HttpApi apiA = new HttpApi(a.port());
        String tenant = apiA.post(KEY, "/api/v1/tenants", Map.of("name", "fault-" + UUID.randomUUID())).text("id");
        String source = apiA.post(KEY, "/api/v1/tenants/" + tenant + "/billing-sources",
                Map.of("provider", "aws", "source_uri", "file://" + dir + "/", "window_months", 1)).text("id");
        String sync = "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync";
        awaitStatus(apiA.post(KEY, sync, Map.of()).text("id"), Set.of("ok"), 0, 60);
        assertThat(count(source)).isEqualTo(2);

        Files.delete(dir.resolve("small.csv"));
        csv(dir.resolve("big.csv"), BIG_ROWS, "0.01");
        String runId = apiA.post(KEY, sync, Map.of()).text("id");
        awaitStatus(runId, Set.of("running"), 100_000, 60);
        a.kill9();

        assertThat(runRow(runId).get("status")).as("the dead server's run").isEqualTo("running");
        assertThat(count(source)).as("the old rows, nothing of the half-done load").isEqualTo(2);
        assertThat(sum(source)).isEqualByComparingTo("3.50");

        ServerProcess b = server();
        assertThat(awaitStatus(runId, Set.of("ok", "error"), 0, 120)).isEqualTo("ok");
        assertThat(db.sql("SELECT warnings::text FROM sync_runs WHERE id = ?::uuid").param(runId).query(String.class).single())
                .as("the revived run says so").contains("RESUMED_AFTER_RESTART").contains("attempt 2 of 3");
        assertThat(count(source)).isEqualTo(BIG_ROWS);
        assertThat(sum(source)).isEqualByComparingTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(BIG_ROWS)));
        assertThat(b.log()).contains("sync " + runId);

        // Two replicas asked at once for a sync of the same source: one run, run once.
        ServerProcess c = server();
        HttpApi apiB = new HttpApi(b.port());
        HttpApi apiC = new HttpApi(c.port());
        var fromB = CompletableFuture.supplyAsync(() -> apiB.post(KEY, sync, Map.of()).text("id"));
        var fromC = CompletableFuture.supplyAsync(() -> apiC.post(KEY, sync, Map.of()).text("id"));
        String both = fromB.get();
        assertThat(fromC.get()).isEqualTo(both);
        Set<Long> running = ConcurrentHashMap.newKeySet();
        Instant deadline = Instant.now().plusSeconds(120);
        while (!Set.of("ok", "error").contains((String) runRow(both).get("status")) && Instant.now().isBefore(deadline)) {
            running.add(db.sql("SELECT count(*) FROM sync_runs WHERE source_id = ?::uuid AND status = 'running'")
                    .param(source).query(Long.class).single());
            running.add(db.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'billing-sync' AND picked")
                    .query(Long.class).single());
            Thread.sleep(20);
        }
        assertThat(runRow(both).get("status")).isEqualTo("ok");
        assertThat(running).as("never two at once").allMatch(n -> n <= 1);
        assertThat(count(source)).as("not doubled").isEqualTo(BIG_ROWS);
        assertThat(b.log().contains("sync " + both) ^ c.log().contains("sync " + both)).as("exactly one replica ran it").isTrue();
    }
}
