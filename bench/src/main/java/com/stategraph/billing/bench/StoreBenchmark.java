package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the store costs on disk and whether replacing an export leaves it bigger: one source's
 * export synced, then synced again ten times (the same window, as the daily schedule does), the
 * billing tables and their indexes measured after each sync, against the Parquet export's own
 * size. Writes its section of docs/benchmarks.md.
 */
public final class StoreBenchmark {
    private static final String TABLES = "SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM ("
            + " SELECT relid FROM pg_partition_tree('billing_rows') UNION ALL SELECT 'billing_loads'::regclass"
            + " UNION ALL SELECT 'cost_daily'::regclass UNION ALL SELECT 'cost_monthly'::regclass"
            + " UNION ALL SELECT 'cost_daily_tags'::regclass UNION ALL SELECT 'cost_daily_tag_sets'::regclass"
            + " UNION ALL SELECT 'cost_monthly_resources'::regclass) t";
    private static final String DEAD = "SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_user_tables"
            + " WHERE relname LIKE 'billing_rows%' OR relname IN ('billing_loads', 'cost_daily', 'cost_monthly', 'cost_daily_tags',"
            + " 'cost_daily_tag_sets', 'cost_monthly_resources')";

    record Sample(int sync, long rows, long bytes, long deadTuples, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int resyncs = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--resyncs" -> resyncs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --rows N, --resyncs N)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        Path data = BenchRows.ensure(work, rows);
        long parquetBytes;
        try (var files = Files.list(data)) {
            parquetBytes = files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
        }
        List<Sample> samples = new ArrayList<>();
        long vacuumed;
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start();
             BenchServer server = BenchServer.start(work, pg, Map.of())) {
            JdbcClient db = JdbcClient.create(pg.getPostgresDatabase());
            String tenant = server.newTenant("store");
            String source = server.newSource(tenant, "file://" + data.toAbsolutePath() + "/*.parquet");
            for (int sync = 1; sync <= 1 + resyncs; sync++) {
                long start = System.nanoTime();
                JsonNode run = server.syncAndWait(tenant, source, () -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!run.path("status").asString().equals("ok")) {
                    throw new IllegalStateException("sync failed: " + run);
                }
                samples.add(new Sample(sync, run.path("rows").asLong(), db.sql(TABLES).query(Long.class).single(),
                        db.sql(DEAD).query(Long.class).single(), seconds));
                log("sync " + sync + ": " + samples.get(samples.size() - 1));
            }
            db.sql("VACUUM FULL billing_rows, billing_loads, cost_daily, cost_monthly, cost_daily_tags, cost_daily_tag_sets,"
                    + " cost_monthly_resources").update();
            vacuumed = db.sql(TABLES).query(Long.class).single();
        }
        report(rows, parquetBytes, samples, vacuumed);
    }

    private static void report(long rows, long parquetBytes, List<Sample> samples, long vacuumed) throws Exception {
        Sample first = samples.get(0);
        long largest = samples.stream().mapToLong(Sample::bytes).max().orElse(0);
        Sample last = samples.get(samples.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append("## Store size and re-syncs\n\n");
        md.append("Written by `bench/run-store` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores). One source of ")
                .append(String.format(Locale.ROOT, "%,d", rows)).append(" AWS-shaped rows (")
                .append(String.format(Locale.ROOT, "%,d", parquetBytes)).append(" bytes of Parquet, ")
                .append(String.format(Locale.ROOT, "%.1f", (double) parquetBytes / rows)).append(" bytes per row) synced, then")
                .append(" synced again ").append(samples.size() - 1).append(" times (the same window, as the daily schedule")
                .append(" does). Size: `billing_rows` (every partition), `billing_loads` and the three rollup tables, with")
                .append(" their indexes (`pg_total_relation_size`), right after each sync, autovacuum left to itself.\n\n");
        md.append("| sync | rows | seconds | billing tables | bytes per row | vs. Parquet | dead tuples |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %d | %,d | %.1f | %,d MiB | %,.0f | %.1fx | %,d |\n", s.sync(), s.rows(),
                    s.seconds(), s.bytes() >> 20, (double) s.bytes() / s.rows(), (double) s.bytes() / parquetBytes,
                    s.deadTuples()));
        }
        md.append(String.format(Locale.ROOT, "%nAfter %d re-syncs: %.2fx the size after the first (largest %.2fx). After"
                        + " `VACUUM FULL`: %,d MiB, %,.0f bytes per row, %.1fx the Parquet export.%n", samples.size() - 1,
                (double) last.bytes() / first.bytes(), (double) largest / first.bytes(), vacuumed >> 20,
                (double) vacuumed / first.rows(), (double) vacuumed / parquetBytes));
        md.append("\nGoal (issue 9): at most 1.1x the first size after 10 re-syncs whenever autovacuum runs; at most 3x the")
                .append(" Parquet export's bytes per row.\n");
        md.append("\nReproduce: `bench/run-store` (options: `--rows N`, `--resyncs N`).\n");
        BenchmarksFile.replaceSection("store", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
