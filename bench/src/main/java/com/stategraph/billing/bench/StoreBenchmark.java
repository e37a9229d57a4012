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
    /** The billing rows: every load's chunks, with their compressed arrays (TOAST), and the tenant's string dictionaries. */
    private static final String ROW_TABLES = "SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM ("
            + " SELECT relid FROM pg_partition_tree('billing_chunks') UNION ALL SELECT 'billing_chunks_small'::regclass"
            + " UNION ALL SELECT 'billing_strings'::regclass"
            + " UNION ALL SELECT 'billing_json'::regclass UNION ALL SELECT 'billing_loads'::regclass) t";
    private static final String ROLLUP_TABLES = "SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM ("
            + " SELECT 'cost_daily'::regclass AS relid UNION ALL SELECT 'cost_monthly'::regclass"
            + " UNION ALL SELECT 'cost_daily_tags'::regclass UNION ALL SELECT 'cost_daily_tag_sets'::regclass"
            + " UNION ALL SELECT 'cost_monthly_resources'::regclass UNION ALL SELECT 'cost_resource_month_totals'::regclass"
            + " UNION ALL SELECT relid FROM pg_partition_tree('cost_resource_month_totals_large')) t";
    private static final String DEAD = "SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_user_tables"
            + " WHERE relname LIKE 'billing_chunks%' OR relname LIKE 'cost_resource_totals_%' OR relname IN ('billing_strings', 'billing_json', 'billing_loads', 'cost_daily',"
            + " 'cost_monthly', 'cost_daily_tags', 'cost_daily_tag_sets', 'cost_monthly_resources', 'cost_resource_month_totals')";

    /** One provider's demo export (small, shaped like the provider's own) and what storing its rows cost. */
    record Shaped(String provider, String format, long rows, long fileBytes, long storedBytes) {
    }

    record Sample(int sync, boolean changed, long rows, long rowBytes, long rollupBytes, long deadTuples, double seconds) {
        long bytes() {
            return rowBytes + rollupBytes;
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int resyncs = 10;
        int changedResyncs = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--resyncs" -> resyncs = Integer.parseInt(args[++i]);
                case "--changed" -> changedResyncs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --rows N, --resyncs N, --changed N)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        Path data = BenchRows.ensure(work, rows);
        // Other rows of the same shape: every sum of the export changes when the source's files become these.
        Path other = BenchRows.ensure(work, rows, BenchRows.DEFAULT_SEED + 1);
        Path live = work.resolve("store-live");
        use(live, data);
        long parquetBytes;
        try (var files = Files.list(data)) {
            parquetBytes = files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
        }
        List<Sample> samples = new ArrayList<>();
        long vacuumedRows;
        long vacuumedRollups;
        List<Shaped> shaped;
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start();
             BenchServer server = BenchServer.start(work, pg, Map.of())) {
            JdbcClient db = JdbcClient.create(pg.getPostgresDatabase());
            shaped = providerShaped(server, db, work);
            String tenant = server.newTenant("store");
            String source = server.newSource(tenant, "file://" + live.toAbsolutePath() + "/*.parquet");
            for (int sync = 1; sync <= 1 + resyncs + changedResyncs; sync++) {
                boolean changed = sync > 1 + resyncs;
                if (changed) {
                    use(live, (sync - resyncs) % 2 == 0 ? other : data);
                }
                long start = System.nanoTime();
                JsonNode run = server.syncAndWait(tenant, source, () -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!run.path("status").asString().equals("ok")) {
                    throw new IllegalStateException("sync failed: " + run);
                }
                // An unchanged re-sync loads nothing and keeps every period: the source's rows are the ones it kept.
                long sourceRows = run.path("rows").asLong();
                for (JsonNode kept : run.path("unchanged")) {
                    sourceRows += kept.path("rows").asLong();
                }
                samples.add(new Sample(sync, changed, sourceRows, db.sql(ROW_TABLES).query(Long.class).single(),
                        db.sql(ROLLUP_TABLES).query(Long.class).single(), db.sql(DEAD).query(Long.class).single(), seconds));
                log("sync " + sync + ": " + samples.get(samples.size() - 1));
            }
            db.sql("VACUUM FULL billing_chunks, billing_chunks_small, billing_strings, billing_json, billing_loads, cost_daily, cost_monthly,"
                    + " cost_daily_tags, cost_daily_tag_sets, cost_monthly_resources, cost_resource_month_totals, cost_resource_month_totals_large")
                    .update();
            vacuumedRows = db.sql(ROW_TABLES).query(Long.class).single();
            vacuumedRollups = db.sql(ROLLUP_TABLES).query(Long.class).single();
        }
        report(rows, parquetBytes, samples, vacuumedRows, vacuumedRollups, shaped);
    }

    /** Makes {@code live} hold the Parquet files of {@code data}, as an export rewritten in place. */
    private static void use(Path live, Path data) throws java.io.IOException {
        Files.createDirectories(live);
        try (var old = Files.list(live)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        try (var files = Files.list(data)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                Files.copy(f, live.resolve(f.getFileName()));
            }
        }
    }

    private static void report(long rows, long parquetBytes, List<Sample> samples, long vacuumedRows,
                               long vacuumedRollups, List<Shaped> shaped) throws Exception {
        Sample first = samples.get(0);
        List<Sample> same = samples.stream().filter(s -> !s.changed()).toList();
        List<Sample> changed = samples.stream().filter(Sample::changed).toList();
        Sample lastSame = same.get(same.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append("## Store size and re-syncs\n\n");
        md.append("Written by `bench/run-store` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores). One source of ")
                .append(String.format(Locale.ROOT, "%,d", rows)).append(" AWS-shaped rows (")
                .append(String.format(Locale.ROOT, "%,d", parquetBytes)).append(" bytes of Parquet, ")
                .append(String.format(Locale.ROOT, "%.1f", (double) parquetBytes / rows)).append(" bytes per row) synced, then")
                .append(" synced again ").append(same.size() - 1).append(" times unchanged (the same window, as the daily")
                .append(" schedule does), then ").append(changed.size()).append(" times with every sum changed: the files")
                .append(" rewritten in place by other rows of the same shape, then the first ones again, and so on (marked").append(" *changed*). Sizes with indexes and TOAST (`pg_total_relation_size`), right after each sync, autovacuum")
                .append(" left to itself. Rows: every load's `billing_chunks` table, `billing_chunks_small`, the string dictionaries")
                .append(" (`billing_strings`, `billing_json`) and `billing_loads`. Rollups: the six rollup tables the views read.\n\n");
        md.append("| sync | rows | seconds | rows stored | bytes per row | vs. Parquet | rollups | all, vs. first | dead tuples |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %d%s | %,d | %.1f | %,d KiB | %,.1f | %.2fx | %,d KiB | %.2fx | %,d |\n", s.sync(),
                    s.changed() ? " *changed*" : "", s.rows(), s.seconds(), s.rowBytes() >> 10, (double) s.rowBytes() / s.rows(),
                    (double) s.rowBytes() / parquetBytes, s.rollupBytes() >> 10, (double) s.bytes() / first.bytes(),
                    s.deadTuples()));
        }
        md.append(String.format(Locale.ROOT, "%nAfter %d unchanged re-syncs: rows and rollups together %.2fx their size after"
                        + " the first (largest %.2fx; the rows alone %.2fx: a replaced load's table is dropped whole, and a"
                        + " rollup row whose sums did not change is not written).", same.size() - 1,
                (double) lastSame.bytes() / first.bytes(), same.stream().mapToLong(Sample::bytes).max().orElse(0)
                        / (double) first.bytes(), (double) lastSame.rowBytes() / first.rowBytes()));
        if (!changed.isEmpty()) {
            md.append(String.format(Locale.ROOT, " With every sum changed: largest %.2fx (each changed rollup row leaves a"
                            + " dead row, made reusable by the vacuum after the sync).",
                    changed.stream().mapToLong(Sample::bytes).max().orElse(0) / (double) first.bytes()));
        }
        md.append(String.format(Locale.ROOT, " After `VACUUM FULL`: the rows %,d KiB, %,.1f bytes per row, %.2fx the Parquet"
                        + " export; the rollups %,d KiB (%,.1f bytes per row).%n", vacuumedRows >> 10,
                (double) vacuumedRows / first.rows(), (double) vacuumedRows / parquetBytes, vacuumedRollups >> 10,
                (double) vacuumedRollups / first.rows()));
        md.append("\nThe held-in provider-shaped files (the demo's three exports, `SampleExport`: AWS Parquet with map tags, GCP")
                .append(" Parquet with key/value tags, Azure CSV with x_ columns; about a thousand rows a month each), each synced into a")
                .append(" tenant of its own on the fresh database before the run above; stored: what the rows tables grew by.\n\n")
                .append("| export | rows | file bytes per row | stored bytes per row | vs. the files |\n|---|---:|---:|---:|---:|\n");
        for (Shaped s : shaped) {
            md.append(String.format(Locale.ROOT, "| %s (%s) | %,d | %,.1f | %,.1f | %.2fx |\n", s.provider(), s.format(), s.rows(),
                    (double) s.fileBytes() / s.rows(), (double) s.storedBytes() / s.rows(), (double) s.storedBytes() / s.fileBytes()));
        }
        md.append("\nGoal (issue 9): at most 1.1x the first size after 10 re-syncs whenever autovacuum runs; stored bytes per row at")
                .append(" most 3x the Parquet export's.\n");
        md.append("\nReproduce: `bench/run-store` (options: `--rows N`, `--resyncs N`, `--changed N`).\n");
        BenchmarksFile.replaceSection("store", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static List<Shaped> providerShaped(BenchServer server, JdbcClient db, Path work) throws Exception {
        Path dir = work.resolve("provider-shaped");
        Map<String, String> uris = com.stategraph.billing.demo.SampleExport.write(dir, java.time.LocalDate.now(ZoneOffset.UTC));
        List<Shaped> out = new ArrayList<>();
        for (Map.Entry<String, String> e : uris.entrySet()) {
            long fileBytes;
            try (var files = Files.walk(dir.resolve(e.getKey()))) {
                fileBytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            long before = db.sql(ROW_TABLES).query(Long.class).single();
            String tenant = server.newTenant("shaped-" + e.getKey());
            String source = server.newSource(tenant, e.getKey(), e.getValue(), com.stategraph.billing.demo.SampleExport.MONTHS + 1);
            JsonNode run = server.syncAndWait(tenant, source, () -> { });
            if (!run.path("status").asString().equals("ok")) {
                throw new IllegalStateException(e.getKey() + " sync failed: " + run);
            }
            long stored = db.sql(ROW_TABLES).query(Long.class).single() - before;
            out.add(new Shaped(e.getKey(), e.getKey().equals("azure") ? "CSV" : "Parquet", run.path("rows").asLong(), fileBytes, stored));
            log("provider-shaped " + out.get(out.size() - 1));
        }
        return out;
    }

    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
