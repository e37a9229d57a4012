package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The views a FinOps engineer opens, at a resource per line: one tenant's month of N lines over N
 * distinct resources (tags of their own each) next to a neighbour tenant with the usual export, and
 * a state of a thousand of its instances. Each question is asked through HTTP, one at a time,
 * after warm-up rounds; and the whole tenant's attribution is timed from the state push that asks
 * for it to its answer. Writes its section of docs/benchmarks.md.
 */
public final class HighCardinalityViewsBenchmark {
    private static final int WARM_ROUNDS = 3;
    private static final int STATE_INSTANCES = 1_000;

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        long distinct = 1_000_000;
        int runs = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--distinct-resources" -> distinct = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --rows N, --distinct-resources N, --runs N)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        Path data = BenchRows.ensureHighCardinality(work, "views", rows, distinct, BenchRows.DEFAULT_SEED);
        Path usual = BenchRows.ensure(work, 1_000_000);
        Map<String, double[]> timings = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        double attributionSeconds;
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start();
             BenchServer server = BenchServer.start(work, pg, Map.of())) {
            String neighbour = server.newTenant("neighbour");
            sync(server, neighbour, "file://" + usual.toAbsolutePath() + "/*.parquet");
            String tenant = server.newTenant("high-cardinality");
            sync(server, tenant, "file://" + data.toAbsolutePath() + "/*.parquet");
            awaitAttribution(server, tenant, null);
            String before = server.get("/api/v1/tenants/" + tenant + "/costs/attribution").path("computed_at").asString();
            long pushed = System.nanoTime();
            String state = server.pushInstances(tenant, "fleet", STATE_INSTANCES);
            awaitAttribution(server, tenant, before);
            attributionSeconds = (System.nanoTime() - pushed) / 1e9;
            log("attribution recomputed in " + attributionSeconds + " s");
            String range = "from=" + month.atDay(1) + "&to=" + month.plusMonths(1).atDay(1);
            String base = "/api/v1/tenants/" + tenant;
            Map<String, String> questions = new LinkedHashMap<>();
            questions.put("top 20 resources of the month", base + "/costs/actuals?" + range + "&group_by=resource&limit=20");
            questions.put("a tag filter", base + "/costs/actuals?" + range + "&group_by=service&tag=team:platform");
            questions.put("unmanaged resources, first 20", base + "/costs/unmanaged?" + range + "&limit=20");
            questions.put("a state's actuals", "/api/v1/states/" + state + "/costs/actuals?" + range);
            questions.put("attribution split", base + "/costs/attribution?" + range);
            for (Map.Entry<String, String> q : questions.entrySet()) {
                double[] ms = new double[runs];
                for (int r = -WARM_ROUNDS; r < runs; r++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = server.http().send(server.request(q.getValue()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    double took = (System.nanoTime() - start) / 1e6;
                    if (response.statusCode() != 200) {
                        // a question the server gives up on is a result too: what it answered, and after how long
                        String code = BenchServer.JSON.readTree(response.body()).path("id").asString();
                        failures.put(q.getKey(), String.format(Locale.ROOT, "answered %d %s after %.0f ms", response.statusCode(), code, took));
                        log(q.getKey() + ": " + failures.get(q.getKey()));
                        break;
                    }
                    if (r >= 0) {
                        ms[r] = took;
                    }
                }
                if (!failures.containsKey(q.getKey())) {
                    Arrays.sort(ms);
                    timings.put(q.getKey(), ms);
                    log(q.getKey() + ": p50 " + ms[runs / 2] + " ms, p95 " + ms[(int) Math.ceil(runs * 0.95) - 1] + " ms");
                }
            }
        }
        report(rows, distinct, runs, timings, failures, attributionSeconds);
    }

    private static void sync(BenchServer server, String tenant, String uri) throws Exception {
        String source = server.newSource(tenant, uri);
        JsonNode run = server.syncAndWait(tenant, source, () -> { });
        if (!run.path("status").asString().equals("ok")) {
            throw new IllegalStateException("sync failed: " + run);
        }
    }

    /** Waits until the tenant's attribution answers with a computation other than {@code before}. */
    private static void awaitAttribution(BenchServer server, String tenant, String before) throws Exception {
        while (true) {
            JsonNode a = server.get("/api/v1/tenants/" + tenant + "/costs/attribution");
            String computed = a.path("computed_at").isString() ? a.path("computed_at").asString() : null;
            if (computed != null && !computed.equals(before) && a.path("uncomputed_count").asLong() == 0) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static void report(long rows, long distinct, int runs, Map<String, double[]> timings, Map<String, String> failures,
                               double attributionSeconds) throws Exception {
        StringBuilder md = new StringBuilder("## Views at high cardinality\n\n");
        md.append("Written by `bench/run-views --distinct-resources ").append(distinct).append("` (")
                .append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, durable settings). One tenant's month of ")
                .append(String.format(Locale.ROOT, "%,d lines over %,d distinct resources", rows, distinct))
                .append(" (tags of their own each), next to a tenant with the usual 1,000,000-line export, and a state of ")
                .append(String.format(Locale.ROOT, "%,d", STATE_INSTANCES)).append(" of its instances. Each question through HTTP, one at a")
                .append(" time, ").append(WARM_ROUNDS).append(" rounds of warm-up then ").append(runs).append(" timed.\n\n");
        md.append("| question | p50 (ms) | p95 (ms) |\n|---|---:|---:|\n");
        timings.forEach((q, ms) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", q, ms[ms.length / 2],
                ms[(int) Math.ceil(ms.length * 0.95) - 1])));
        failures.forEach((q, what) -> md.append("| ").append(q).append(" | ").append(what).append(" | (not timed further) |\n"));
        md.append(String.format(Locale.ROOT, "%nThe whole tenant's attribution, recomputed after the state was pushed: %.1f s.%n",
                attributionSeconds));
        md.append("\nGoal (issue 30): each view's p95 under 100 ms; the attribution recomputed in under 30 s.\n");
        md.append("\nReproduce: `bench/run-views --distinct-resources N` (options: `--rows N`, `--runs N`).\n");
        BenchmarksFile.replaceSection("views-high-cardinality", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
