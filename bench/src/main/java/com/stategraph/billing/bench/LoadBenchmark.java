package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * 50 clients against one server process (-Xmx512m, default pools and limits) while a sync
 * replaces a tenant's export: first only cheap questions (the baseline: the "cheap
 * endpoints during a sync"), then the same clients mixing in questions over billing rows.
 * Reports latency percentiles and every answer's status per kind, whether db-scheduler's
 * heartbeat ever lapsed, and how the sync ended; writes its section of docs/benchmarks.md.
 */
public final class LoadBenchmark {
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    record Answer(String kind, int status, long millis) {
    }

    record Phase(String name, List<Answer> answers, double seconds, JsonNode run, double syncSeconds, long heartbeats,
                 long maxHeartbeatGapMillis, long missedHeartbeats, long maxHealthMillis, long healthP99Millis,
                 long schedulerErrors) {
    }

    public static void main(String[] args) throws Exception {
        long rows = 500_000;
        int clients = 50;
        int tenants = 3;
        long minSeconds = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> minSeconds = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --rows N per tenant, --clients N, --seconds N at least per phase)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        Path data = BenchRows.ensure(work, rows);
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().setServerConfig("shared_buffers", "512MB").start();
             BenchServer server = BenchServer.start(work, pg, Map.of(),
                     "--stategraph.sync.heartbeat-interval=" + HEARTBEAT.toSeconds() + "s")) {
            String uri = "file://" + data.toAbsolutePath() + "/*.parquet";
            List<String> tenantIds = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<String> states = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                String id = server.newTenant("load");
                String source = server.newSource(id, uri);
                log("syncing " + rows + " rows into tenant " + (t + 1) + " of " + tenants);
                JsonNode run = server.syncAndWait(id, source, () -> { });
                if (!run.path("status").asString().equals("ok")) {
                    throw new IllegalStateException("sync failed: " + run);
                }
                tenantIds.add(id);
                sources.add(source);
                states.add(server.pushInstances(id, "load", 50)); // attribution, comparisons and a state's actuals have something to match
            }
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE");
            }
            List<Phase> phases = new ArrayList<>();
            for (boolean expensive : new boolean[] {false, true}) {
                String name = expensive ? "cheap and expensive questions (70/30)" : "cheap questions only (baseline)";
                log("phase: " + name + ", " + clients + " clients, during a re-sync of tenant 2's export");
                phases.add(phase(name, expensive, server, pg, work, tenantIds, states, tenantIds.get(1), sources.get(1), clients,
                        minSeconds));
            }
            report(rows, tenants, clients, phases);
        }
    }

    /** Every question over billing rows, estimates or attribution the API offers, by the name the report gives it. */
    private static String[] expensiveQuestion(SplittableRandom random, String base, String state, String range) {
        String[][] kinds = {
                {"resource grouping", base + "/costs/actuals?" + range + "&group_by=resource&limit=20"},
                {"tag filter", base + "/costs/actuals?" + range + "&group_by=service&tag=team:platform"},
                {"attribution", base + "/costs/attribution?" + range},
                {"unmanaged", base + "/costs/unmanaged?" + range + "&limit=20"},
                {"compare", base + "/costs/compare"},
                {"estimate", base + "/costs"},
                {"estimate history", base + "/costs/history"},
                {"state actuals", "/api/v1/states/" + state + "/costs/actuals?" + range},
                {"state compare", "/api/v1/states/" + state + "/costs/compare"},
                {"savings", base + "/costs/savings"},
                {"commitments", base + "/costs/commitments"},
                {"commitment coverage", base + "/costs/commitment-coverage"},
                {"invoices", base + "/costs/invoices"},
                {"tag coverage", base + "/costs/tag-coverage?" + range}};
        return kinds[random.nextInt(kinds.length)];
    }

    private static Phase phase(String name, boolean expensive, BenchServer server, EmbeddedPostgres pg, Path work,
                               List<String> tenants, List<String> states, String syncTenant, String syncSource, int clients,
                               long minSeconds) throws Exception {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        String range = "from=" + month + "&to=" + month.plusMonths(1);
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        // Daemon threads: the benchmark's JVM ends when its work does.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
                    Thread t = new Thread(r, "load-http");
                    t.setDaemon(true);
                    return t;
                })).build();
        long logLinesBefore = schedulerErrors(work);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c);
            Thread t = new Thread(() -> {
                while (running.get()) {
                    int which = random.nextInt(tenants.size());
                    String base = "/api/v1/tenants/" + tenants.get(which);
                    boolean slow = expensive && random.nextInt(10) < 3;
                    String[] question = slow ? expensiveQuestion(random, base, states.get(which), range) : null;
                    String path = slow ? question[1]
                            : switch (random.nextInt(4)) {
                                case 0 -> base + "/costs/actuals?" + range + "&group_by=service";
                                case 1 -> base + "/costs/actuals?" + range + "&group_by=sub_account&granularity=day";
                                case 2 -> base + "/billing-sources";
                                default -> "/api/v1/whoami";
                            };
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(server.request(path).timeout(Duration.ofSeconds(60)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (java.net.http.HttpTimeoutException e) {
                        status = -1;
                    } catch (Exception e) {
                        status = -2;
                    }
                    answers.add(new Answer(slow ? "expensive: " + question[0] : "cheap", status,
                            (System.nanoTime() - start) / 1_000_000));
                }
            }, "client-" + c);
            threads.add(t);
        }
        // Health and db-scheduler's heartbeat are watched from outside the server, once a quarter second.
        AtomicLong maxHealth = new AtomicLong();
        List<Long> healthMillis = Collections.synchronizedList(new ArrayList<>());
        List<Instant> beats = Collections.synchronizedList(new ArrayList<>());
        Thread watcher = new Thread(() -> {
            try (Connection db = pg.getPostgresDatabase().getConnection()) {
                HttpClient probe = HttpClient.newHttpClient();
                long lastHealth = 0;
                while (running.get()) {
                    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                            "SELECT last_heartbeat FROM scheduled_tasks WHERE task_name = 'billing-sync' AND picked")) {
                        while (rs.next()) {
                            Timestamp beat = rs.getTimestamp(1);
                            if (beat != null && (beats.isEmpty() || !beats.get(beats.size() - 1).equals(beat.toInstant()))) {
                                beats.add(beat.toInstant());
                            }
                        }
                    }
                    if (System.nanoTime() - lastHealth > 1_000_000_000L) {
                        lastHealth = System.nanoTime();
                        long start = System.nanoTime();
                        probe.send(server.request("/actuator/health").timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        long took = (System.nanoTime() - start) / 1_000_000;
                        maxHealth.accumulateAndGet(took, Math::max);
                        healthMillis.add(took);
                    }
                    Thread.sleep(250);
                }
            } catch (Exception e) {
                log("watcher stopped: " + e);
            }
        }, "watcher");
        Instant began = Instant.now();
        threads.forEach(Thread::start);
        watcher.start();
        Instant syncStart = Instant.now();
        // Forced: the files are unchanged, and this is about a sync that replaces its rows under load.
        JsonNode run = server.syncAndWait(syncTenant, syncSource, Map.of("force", true), () -> { });
        double syncSeconds = Duration.between(syncStart, Instant.now()).toMillis() / 1000.0;
        while (Duration.between(began, Instant.now()).toSeconds() < minSeconds) {
            Thread.sleep(200);
        }
        running.set(false);
        for (Thread t : threads) {
            t.join(120_000);
        }
        watcher.join(30_000);
        double seconds = Duration.between(began, Instant.now()).toMillis() / 1000.0;
        long maxGap = 0;
        long missed = 0;
        for (int i = 1; i < beats.size(); i++) {
            long gap = Duration.between(beats.get(i - 1), beats.get(i)).toMillis();
            maxGap = Math.max(maxGap, gap);
            if (gap > 2 * HEARTBEAT.toMillis()) {
                missed++;
            }
        }
        log(name + ": " + answers.size() + " answers, sync " + run.path("status").asString() + " in " + syncSeconds + " s");
        List<Long> health = healthMillis.stream().sorted().toList();
        return new Phase(name, new ArrayList<>(answers), seconds, run, syncSeconds, beats.size(), maxGap, missed,
                maxHealth.get(), percentile(health, 99), schedulerErrors(work) - logLinesBefore);
    }

    /** db-scheduler's own complaints in the server log (it logs when it cannot reach the database). */
    private static long schedulerErrors(Path work) throws Exception {
        Path log = work.resolve("server.log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("c.g.k.scheduler") && (l.contains("ERROR") || l.contains("WARN"))).count();
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void report(long rows, int tenants, int clients, List<Phase> phases) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("## Under load: ").append(clients).append(" clients during a sync\n\n");
        md.append("Written by `bench/run-load` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores). One server process")
                .append(" (`-Xmx512m`, default pools and limits: 10 API connections, 2 questions over billing rows per tenant,")
                .append(" ").append(com.stategraph.billing.costs.ExpensiveQuestions.defaultPerServer(10,
                        Runtime.getRuntime().availableProcessors()))
                .append(" per server (half the pool, at most one per core), 15 s statement timeout) on ").append(tenants).append(" tenants of ")
                .append(String.format(Locale.ROOT, "%,d", rows)).append(" AWS-shaped rows each (")
                .append(String.format(Locale.ROOT, "%,d", rows * tenants)).append(" in all). In each phase ").append(clients)
                .append(" clients ask without pause, while tenant 2's export is synced again (replacing its rows), for at least")
                .append(" a minute. Cheap: a month by service, a month by sub-account by day (rollups), the source list, whoami.")
                .append(" Expensive, each as likely: every question over billing rows, estimates or attribution the API offers")
                .append(" (a month by resource, a tag filter, attribution, unmanaged resources, compare, the tenant's estimate and")
                .append(" its history, a state's actuals and comparison, savings, commitments, commitment coverage, invoices, tag")
                .append(" coverage; each tenant has a state of 50 of its instances). Baseline: the same")
                .append(" clients asking only cheap questions, measured in the same run. Latencies in ms; -1 is a client")
                .append(" timeout (60 s).\n\n");
        md.append("| phase | kind | answers | p50 | p95 | p99 | 200 | 429 | 503 | 500 | other |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, long[]> cheapP = new TreeMap<>();
        for (Phase phase : phases) {
            List<String> kinds = new ArrayList<>(List.of("cheap", "expensive"));
            phase.answers().stream().map(Answer::kind).filter(k -> k.startsWith("expensive: ")).distinct().sorted().forEach(kinds::add);
            kinds.add("all");
            for (String kind : kinds) {
                List<Answer> of = phase.answers().stream().filter(a -> kind.equals("all") || a.kind().equals(kind)
                        || kind.equals("expensive") && a.kind().startsWith("expensive: ")).toList();
                if (of.isEmpty()) {
                    continue;
                }
                List<Long> ms = of.stream().map(Answer::millis).sorted().toList();
                long ok = of.stream().filter(a -> a.status() == 200).count();
                long busy = of.stream().filter(a -> a.status() == 429).count();
                long unavailable = of.stream().filter(a -> a.status() == 503).count();
                long failed = of.stream().filter(a -> a.status() == 500).count();
                long other = of.size() - ok - busy - unavailable - failed;
                md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d |\n",
                        phase.name(), kind, of.size(), percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), ok, busy,
                        unavailable, failed, other));
                if (kind.equals("cheap")) {
                    cheapP.put(phase.name(), new long[] {percentile(ms, 50), percentile(ms, 95), percentile(ms, 99)});
                }
            }
        }
        md.append("\n| phase | seconds | answers/s | sync | sync seconds | heartbeats seen | longest gap | missed (gap > 2x ")
                .append(HEARTBEAT.toSeconds()).append(" s) | scheduler errors in log | health p99 | slowest health answer |\n")
                .append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Phase phase : phases) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %,.0f | %s, %,d rows | %.1f | %d | %,d ms | %d | %d | %,d ms | %,d ms |\n",
                    phase.name(), phase.seconds(), phase.answers().size() / phase.seconds(),
                    phase.run().path("status").asString(), phase.run().path("rows").asLong(), phase.syncSeconds(),
                    phase.heartbeats(), phase.maxHeartbeatGapMillis(), phase.missedHeartbeats(), phase.schedulerErrors(),
                    phase.healthP99Millis(), phase.maxHealthMillis()));
        }
        if (cheapP.size() == 2) {
            long[] base = cheapP.get(phases.get(0).name());
            long[] mixed = cheapP.get(phases.get(1).name());
            md.append(String.format(Locale.ROOT, "%nCheap questions with expensive ones mixed in, against the baseline: p50 %.2fx,"
                    + " p95 %.2fx, p99 %.2fx.%n", (double) mixed[0] / Math.max(1, base[0]), (double) mixed[1] / Math.max(1, base[1]),
                    (double) mixed[2] / Math.max(1, base[2])));
        }
        md.append("\nThe clients run on the same machine as the server and PostgreSQL, and a refused client asks again at once,")
                .append(" so the counts of 429 say how often the clients asked, not how many users would be turned away.\n");
        md.append("\nGoal (issue 31): 0 answers 500 with every kind of question; cheap questions' p95 within 2x of the cheap-only")
                .append(" baseline; the health check's p99 under 1 s; the sync finishes.\n");
        md.append("\nGoal (issue 14): no answer is a 500, heartbeats never missed, the sync finishes; refused questions get")
                .append(" 429 BUSY or 503 QUERY_TIMEOUT with Retry-After. Before the limits (same kind of load, 1.5M rows):")
                .append(" 81 of 231 answers were 500, p50 8.4 s, 6 client timeouts, db-scheduler starved.\n");
        md.append("\nReproduce: `bench/run-load` (options: `--rows N` per tenant, `--clients N`, `--seconds N`).\n");
        BenchmarksFile.replaceSection("load", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
