package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Attribution at 1M and 10M billing lines: the bench export (an EC2 instance's ARN as every line's
 * ResourceId) synced, then a state managing every other instance by its bare id pushed; timed until
 * every line has its status again, then the split of the export's two months asked for five times.
 * Writes its section of docs/benchmarks.md.
 */
public final class AttributionBenchmark {
    private static final int QUERIES = 5;

    record Result(long rows, long resourceIds, long managed, double attributeSeconds, long attributedLines, double medianQueryMs,
                  double medianUnmanagedMs, double medianCompareMs) {
    }

    public static void main(String[] args) throws Exception {
        long[] sizes = {1_000_000, 10_000_000};
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rows")) {
                sizes = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + " (options: --rows N[,N])");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        List<Result> results = new ArrayList<>();
        for (long rows : sizes) {
            results.add(run(work, rows));
        }
        report(results);
    }

    private static Result run(Path work, long rows) throws Exception {
        Path data = BenchRows.ensure(work, rows);
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start();
             BenchServer server = BenchServer.start(work, "attribution-server", pg, Map.of())) {
            JdbcClient db = JdbcClient.create(pg.getPostgresDatabase());
            String tenant = server.newTenant("attribution");
            String source = server.newSource(tenant, "file://" + data.toAbsolutePath() + "/*.parquet");
            JsonNode run = server.syncAndWait(tenant, source, () -> { });
            if (!run.path("status").asString().equals("ok")) {
                throw new IllegalStateException("sync failed: " + run);
            }
            awaitAttributed(db, tenant);
            long resources = BenchRows.resourcesFor(rows);
            StringBuilder state = new StringBuilder("{\"version\": 4, \"terraform_version\": \"1.9.8\", \"serial\": 1, \"lineage\": \"bench\","
                    + " \"outputs\": {}, \"resources\": [{\"mode\": \"managed\", \"type\": \"aws_instance\", \"name\": \"fleet\","
                    + " \"provider\": \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\", \"instances\": [");
            long managed = 0;
            for (long r = 0; r < resources; r += 2) {
                state.append(managed == 0 ? "" : ",").append("{\"index_key\": ").append(managed).append(", \"schema_version\": 1,")
                        .append(" \"attributes\": {\"id\": \"").append(BenchRows.instanceId(r)).append("\", \"instance_type\": \"m5.large\"},")
                        .append(" \"sensitive_attributes\": []}");
                managed++;
            }
            state.append("]}]}");
            long start = System.nanoTime();
            HttpResponse<String> pushed = server.http().send(server.request("/api/v1/tenants/" + tenant + "/states/fleet")
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(state.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (pushed.statusCode() != 201) {
                throw new IllegalStateException("the state push failed: " + pushed.statusCode() + " " + pushed.body());
            }
            awaitAttributed(db, tenant);
            double seconds = (System.nanoTime() - start) / 1e9;
            LocalDate first = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
            String path = "/api/v1/tenants/" + tenant + "/costs/attribution?from=" + first + "&to="
                    + LocalDate.now(ZoneOffset.UTC).plusDays(1);
            JsonNode answer = server.get(path);
            double split = medianMillis(server, path);
            String unmanagedPath = "/api/v1/tenants/" + tenant + "/costs/unmanaged?limit=10&from=" + first + "&to="
                    + LocalDate.now(ZoneOffset.UTC).plusDays(1);
            if (server.get(unmanagedPath).path("results").size() != 10) {
                throw new IllegalStateException("fewer than 10 unmanaged resources: " + server.get(unmanagedPath));
            }
            double unmanaged = medianMillis(server, unmanagedPath);
            double compare = medianMillis(server, "/api/v1/tenants/" + tenant + "/costs/compare?group_by=state&month="
                    + java.time.YearMonth.from(first));
            if (answer.path("line_count").asLong() != rows || answer.path("uncomputed_count").asLong() != 0) {
                throw new IllegalStateException("the split does not cover every line: " + answer);
            }
            long resourceIds = db.sql("SELECT resource_ids FROM attribution_runs WHERE tenant_id = ?::uuid").param(tenant)
                    .query(Long.class).single();
            Result result = new Result(rows, resourceIds, managed, seconds, answer.path("attributed_count").asLong(), split,
                    unmanaged, compare);
            log(result.toString());
            return result;
        }
    }

    private static double medianMillis(BenchServer server, String path) throws Exception {
        double[] millis = new double[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            long t = System.nanoTime();
            server.get(path);
            millis[q] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis[QUERIES / 2];
    }

    /** Until the last request for the tenant's attribution is answered. */
    private static void awaitAttributed(JdbcClient db, String tenant) throws InterruptedException {
        while (!db.sql("SELECT coalesce(bool_and(requested_at = computed_for), false) FROM attribution_runs WHERE tenant_id = ?::uuid")
                .param(tenant).query(Boolean.class).single()) {
            Thread.sleep(100);
        }
    }

    private static void report(List<Result> results) throws Exception {
        StringBuilder md = new StringBuilder("## Attribution\n\n");
        md.append("Written by `bench/run-attribution` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores). The bench export (every line's")
                .append(" ResourceId an EC2 instance's ARN, about 200 lines per instance) synced into a server at `-Xmx512m`; then a state")
                .append(" managing every other instance by its bare id (`i-...`) is pushed, and timed until every line has its status")
                .append(" again (the push, then the background computation: each distinct ResourceId matched once); then the split of the")
                .append(" export's two months (`GET /costs/attribution`), the ten largest unmanaged resources of those months")
                .append(" (`GET /costs/unmanaged?limit=10`) and the first month's estimate against actual by state (`GET /costs/compare`),")
                .append(" each asked for ").append(QUERIES).append(" times (median): the three reads the console's Spend page makes.\n\n");
        md.append("| lines | distinct ResourceIds | managed instances | attributed lines | state push to every line attributed |")
                .append(" split of two months | top 10 unmanaged | estimate vs actual by state |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %.1f s | %,.0f ms | %,.0f ms | %,.0f ms |%n", r.rows(),
                    r.resourceIds(), r.managed(), r.attributedLines(), r.attributeSeconds(), r.medianQueryMs(), r.medianUnmanagedMs(),
                    r.medianCompareMs()));
        }
        md.append("\nGoal (issue 11): 10M lines attributed in under a minute on this machine.\n");
        md.append("\nReproduce: `bench/run-attribution` (option: `--rows N[,N]`).\n");
        BenchmarksFile.replaceSection("attribution", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
