package com.stategraph.billing.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 at points spread over a sync of the bench's export, on a server with its own embedded
 * PostgreSQL (the default deployment). Every other kill takes PostgreSQL down with the server, so
 * its next start replays the write-ahead log; the others leave it running, an orphan the next
 * server stops. Each restart is timed from launch to healthy, then to the run taken up again and
 * finished; its total must be exactly that of an uninterrupted sync.
 */
public final class CrashRestartBenchmark {
    private static final Duration HEALTH_WAIT = Duration.ofMinutes(10);

    private record Kill(double atSeconds, boolean database, double healthySeconds, double takenUpSeconds, double finishedSeconds,
                        boolean exact, String recovery) {
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int kills = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --rows N, --kills N)");
            }
        }
        Path work = Path.of("bench/out").toAbsolutePath();
        Path export = BenchRows.ensure(work, rows);
        Path dataDir = work.resolve("crash-data");
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        String uri = "file://" + export + "/*.parquet";
        List<Kill> results = new ArrayList<>();
        int start = 0;
        BenchServer server = BenchServer.startEmbedded(work, "crash-" + start++, dataDir, HEALTH_WAIT);
        String tenant = server.newTenant("crash");
        String source = server.newSource(tenant, "aws", uri, 2);
        long began = System.nanoTime();
        JsonNode first = server.syncAndWait(tenant, source, () -> { });
        double syncSeconds = (System.nanoTime() - began) / 1e9;
        if (!first.path("status").asString().equals("ok")) {
            throw new IllegalStateException("the uninterrupted sync failed: " + first);
        }
        BigDecimal expected = total(server, tenant);
        long expectedRows = first.path("rows").asLong();
        log("uninterrupted sync: " + expectedRows + " rows in " + String.format(Locale.ROOT, "%.1f", syncSeconds) + " s, total " + expected);
        for (int k = 0; k < kills; k++) {
            double at = syncSeconds * (k + 0.5) / kills;
            boolean database = k % 2 == 1;
            String run = server.post("/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync", Map.of("force", true))
                    .path("id").asString();
            Thread.sleep((long) (at * 1000));
            long postmaster = postmasterPid(dataDir);
            server.kill9();
            if (database) {
                ProcessHandle.of(postmaster).ifPresent(pm -> {
                    pm.descendants().forEach(ProcessHandle::destroyForcibly);
                    pm.destroyForcibly();
                });
                awaitDead(postmaster);
            }
            String logName = "crash-" + start++;
            long launched = System.nanoTime();
            server = BenchServer.startEmbedded(work, logName, dataDir, HEALTH_WAIT);
            double healthy = (System.nanoTime() - launched) / 1e9;
            double takenUp = Double.NaN;
            JsonNode end;
            while (true) {
                end = runOf(server, tenant, source, run);
                if (Double.isNaN(takenUp) && (end.path("warnings").toString().contains("RESUMED_AFTER_RESTART")
                        || !end.path("status").asString().equals("running") || takenUp(work, logName))) {
                    takenUp = (System.nanoTime() - launched) / 1e9 - healthy;
                }
                if (end.path("status").asString().equals("ok") || end.path("status").asString().equals("error")) {
                    break;
                }
                Thread.sleep(100);
            }
            double finished = (System.nanoTime() - launched) / 1e9 - healthy;
            boolean exact = end.path("status").asString().equals("ok") && total(server, tenant).compareTo(expected) == 0;
            Kill kill = new Kill(at, database, healthy, takenUp, finished, exact, recovery(dataDir));
            results.add(kill);
            log("kill " + (k + 1) + ": " + kill + " run " + end.path("status").asString());
        }
        server.close();
        report(rows, syncSeconds, results);
    }

    /** The sum of billed cost over every month of the export, as the API reports it. */
    private static BigDecimal total(BenchServer server, String tenant) throws Exception {
        JsonNode totals = server.get("/api/v1/tenants/" + tenant + "/costs/actuals?from=" + java.time.LocalDate.now(ZoneOffset.UTC).minusYears(2)
                + "&to=" + java.time.LocalDate.now(ZoneOffset.UTC).plusYears(1) + "&metric=billed")
                .path("totals");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode t : totals) {
            sum = sum.add(new BigDecimal(t.path("cost").asString()));
        }
        return sum;
    }

    private static JsonNode runOf(BenchServer server, String tenant, String source, String run) throws Exception {
        for (JsonNode r : server.get("/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/runs?limit=5").path("results")) {
            if (r.path("id").asString().equals(run)) {
                return r;
            }
        }
        throw new IllegalStateException("run " + run + " is not listed");
    }

    /** Whether the restarted server has said that it took up the execution its predecessor held. */
    private static boolean takenUp(Path work, String logName) throws Exception {
        return Files.readString(work.resolve(logName + ".log")).contains("took up ");
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
    }

    private static void awaitDead(long pid) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    /** PostgreSQL's own account of its last recovery: how much write-ahead log it replayed, from its log. */
    private static String recovery(Path dataDir) throws Exception {
        Path log = dataDir.resolve("postgres.log");
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        java.util.Collections.reverse(lines);
        Optional<String> redo = lines.stream().filter(l -> l.contains("redo done at") || l.contains("redo starts at")
                || l.contains("database system was shut down at")).findFirst();
        return redo.map(l -> l.replaceAll("^.*?(LOG|INFO):\\s*", "")).orElse("");
    }

    private static double median(List<Kill> kills, java.util.function.ToDoubleFunction<Kill> f) {
        double[] v = kills.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void report(long rows, double syncSeconds, List<Kill> kills) throws Exception {
        StringBuilder md = new StringBuilder("## Restart after kill -9 during a sync\n\n");
        md.append("Written by `bench/run-crash` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores). A server on its own embedded")
                .append(" PostgreSQL (the default, durable settings) syncs the bench's ")
                .append(String.format(Locale.ROOT, "%,d", rows)).append("-line export in ")
                .append(String.format(Locale.ROOT, "%.1f", syncSeconds)).append(" s uninterrupted. Then, ").append(kills.size())
                .append(" times, a forced re-sync is started and the server killed with kill -9 at a point spread over that time;")
                .append(" every other time its PostgreSQL is killed with it (recovery replays the write-ahead log), otherwise the")
                .append(" orphaned PostgreSQL is stopped by the next server. The server is started again on the same data dir.\n\n");
        md.append("| kill at (s) | PostgreSQL killed too | launch to healthy (s) | healthy to run taken up (s) | healthy to run ok (s) |")
                .append(" total exact | PostgreSQL's last start |\n|---:|---|---:|---:|---:|---|---|\n");
        for (Kill k : kills) {
            md.append(String.format(Locale.ROOT, "| %.1f | %s | %.1f | %.1f | %.1f | %s | %s |%n", k.atSeconds(), k.database() ? "yes" : "no",
                    k.healthySeconds(), k.takenUpSeconds(), k.finishedSeconds(), k.exact() ? "yes" : "**no**",
                    k.recovery().replace("|", "/")));
        }
        md.append(String.format(Locale.ROOT, "%nLaunch to healthy: median %.1f s, slowest %.1f s. Healthy to the run taken up: median %.1f s,"
                        + " slowest %.1f s. Totals exact after %d of %d restarts.%n", median(kills, Kill::healthySeconds),
                kills.stream().mapToDouble(Kill::healthySeconds).max().orElse(0), median(kills, Kill::takenUpSeconds),
                kills.stream().mapToDouble(Kill::takenUpSeconds).max().orElse(0), kills.stream().filter(Kill::exact).count(), kills.size()));
        md.append("\nReproduce: `bench/run-crash` (options: `--rows N`, `--kills N`).\n");
        BenchmarksFile.replaceSection("crash", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
