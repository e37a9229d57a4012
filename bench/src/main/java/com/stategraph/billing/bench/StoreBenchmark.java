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
            + " UNION ALL SELECT 'billing_strings'::regclass UNION ALL SELECT 'billing_resource_ids'::regclass"
            + " UNION ALL SELECT 'billing_resource_id_clashes'::regclass"
            + " UNION ALL SELECT 'billing_json'::regclass UNION ALL SELECT 'billing_loads'::regclass) t";
    private static final String ROLLUP_TABLES = "SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM ("
            + " SELECT 'cost_daily'::regclass AS relid UNION ALL SELECT 'cost_monthly'::regclass"
            + " UNION ALL SELECT relid FROM pg_partition_tree('cost_daily_tags') UNION ALL SELECT relid FROM pg_partition_tree('cost_daily_tag_sets')"
            + " UNION ALL SELECT 'cost_resource_blocks'::regclass UNION ALL SELECT 'cost_resource_dims'::regclass"
            + " UNION ALL SELECT 'cost_month_top_resources'::regclass) t";
    private static final String DEAD = "SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_user_tables"
            + " WHERE relname LIKE 'billing_chunks%' OR relname LIKE 'cost_daily_tag%'"
            + " OR relname IN ('billing_strings', 'billing_resource_ids', 'billing_json', 'billing_loads', 'cost_daily',"
            + " 'cost_monthly', 'cost_resource_blocks', 'cost_resource_dims', 'cost_month_top_resources')";

    /** One provider's demo export (small, shaped like the provider's own) and what storing its rows cost. */
    record Shaped(String provider, String format, long rows, long fileBytes, long storedBytes) {
    }

    /** Every table of the store with its indexes and TOAST, a partition counted with its parent. */
    private static final String PER_TABLE = "SELECT coalesce(pg_partition_root(c.oid), c.oid)::regclass::text,"
            + " sum(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relkind = 'r'"
            + " AND c.relnamespace = current_schema()::regnamespace GROUP BY 1 ORDER BY 2 DESC";

    record Sample(int sync, boolean changed, long rows, long rowBytes, long rollupBytes, long deadTuples, double seconds,
                  long databaseBytes) {
        long bytes() {
            return rowBytes + rollupBytes;
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int resyncs = 10;
        int changedResyncs = 4;
        long distinct = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--resyncs" -> resyncs = Integer.parseInt(args[++i]);
                case "--changed" -> changedResyncs = Integer.parseInt(args[++i]);
                case "--distinct-resources" -> distinct = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --rows N, --resyncs N, --changed N, --distinct-resources N)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        Path data = distinct == 0 ? BenchRows.ensure(work, rows) : BenchRows.ensureHighCardinality(work, "store", rows, distinct, BenchRows.DEFAULT_SEED);
        // Every sum of the export changes when the source's files become these: other rows of the same shape; at high
        // cardinality the same lines (resources, days, tags) with other costs, as the daily re-sync of a month sees them.
        Path other = distinct == 0 ? BenchRows.ensure(work, rows, BenchRows.DEFAULT_SEED + 1)
                : BenchRows.ensureHighCardinality(work, "store", rows, distinct, BenchRows.DEFAULT_SEED + 1);
        Path live = work.resolve("store-live");
        use(live, data);
        long parquetBytes;
        try (var files = Files.list(data)) {
            parquetBytes = files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
        }
        List<Sample> samples = new ArrayList<>();
        long vacuumedRows;
        long vacuumedRollups;
        Map<String, Long> perTable;
        List<Shaped> shaped;
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start();
             BenchServer server = BenchServer.start(work, pg, Map.of())) {
            JdbcClient db = JdbcClient.create(pg.getPostgresDatabase());
            shaped = distinct == 0 ? providerShaped(server, db, work) : List.of();
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
                        db.sql(ROLLUP_TABLES).query(Long.class).single(), db.sql(DEAD).query(Long.class).single(), seconds,
                        db.sql("SELECT pg_database_size(current_database())").query(Long.class).single()));
                log("sync " + sync + ": " + samples.get(samples.size() - 1));
            }
            db.sql("VACUUM FULL billing_chunks, billing_chunks_small, billing_strings, billing_resource_ids, billing_resource_id_clashes,"
                    + " billing_json, billing_loads, cost_daily, cost_monthly, cost_daily_tags, cost_daily_tag_sets, cost_resource_blocks,"
                    + " cost_resource_dims, cost_month_top_resources")
                    .update();
            vacuumedRows = db.sql(ROW_TABLES).query(Long.class).single();
            vacuumedRollups = db.sql(ROLLUP_TABLES).query(Long.class).single();
            db.sql("VACUUM FULL").update();
            perTable = new java.util.LinkedHashMap<>();
            for (Map<String, Object> t : db.sql(PER_TABLE).query().listOfRows()) {
                perTable.put((String) t.get("coalesce"), ((Number) t.get("sum")).longValue());
            }
        }
        report(rows, distinct, parquetBytes, samples, vacuumedRows, vacuumedRollups, shaped, perTable);
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

    private static void report(long rows, long distinct, long parquetBytes, List<Sample> samples, long vacuumedRows,
                               long vacuumedRollups, List<Shaped> shaped, Map<String, Long> perTable) throws Exception {
        Sample first = samples.get(0);
        List<Sample> same = samples.stream().filter(s -> !s.changed()).toList();
        List<Sample> changed = samples.stream().filter(Sample::changed).toList();
        Sample lastSame = same.get(same.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append(distinct == 0 ? "## Store size and re-syncs\n\n" : "## Store size and re-syncs at high cardinality\n\n");
        md.append("Written by `bench/run-store` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores). One source of ")
                .append(String.format(Locale.ROOT, "%,d", rows)).append(" AWS-shaped rows")
                .append(distinct == 0 ? String.format(Locale.ROOT, " over %,d resources", BenchRows.resourcesFor(rows))
                        : String.format(Locale.ROOT, " of one month over %,d resources, each with tags of its own,", distinct))
                .append(" (")
                .append(String.format(Locale.ROOT, "%,d", parquetBytes)).append(" bytes of Parquet, ")
                .append(String.format(Locale.ROOT, "%.1f", (double) parquetBytes / rows)).append(" bytes per row) synced, then")
                .append(" synced again ").append(same.size() - 1).append(" times unchanged (the same window, as the daily")
                .append(" schedule does), then ").append(changed.size()).append(" times with every sum changed: the files")
                .append(distinct == 0 ? " rewritten in place by other rows of the same shape"
                        : " rewritten in place by the same lines (resources, days, tags) with other costs, as a daily re-sync of the month sees them")
                .append(", then the first ones again, and so on (marked *changed*). Sizes with indexes and TOAST (`pg_total_relation_size`), right after each sync, autovacuum")
                .append(" left to itself. Rows: every load's `billing_chunks` table, `billing_chunks_small`, the string dictionaries")
                .append(" (`billing_strings`, `billing_resource_ids`, `billing_json`) and `billing_loads`. Rollups: the rollup tables the views")
                .append(" read (`cost_daily`, `cost_monthly`, `cost_daily_tags`, `cost_daily_tag_sets`, `cost_resource_blocks` with")
                .append(" `cost_resource_dims`, `cost_month_top_resources`).\n\n");
        md.append("| sync | rows | seconds | rows stored | bytes per row | vs. Parquet | rollups | all, vs. first | dead tuples |")
                .append(" whole database | vs. first |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %d%s | %,d | %.1f | %,d KiB | %,.1f | %.2fx | %,d KiB | %.2fx | %,d | %,d KiB | %.2fx |\n",
                    s.sync(), s.changed() ? " *changed*" : "", s.rows(), s.seconds(), s.rowBytes() >> 10, (double) s.rowBytes() / s.rows(),
                    (double) s.rowBytes() / parquetBytes, s.rollupBytes() >> 10, (double) s.bytes() / first.bytes(),
                    s.deadTuples(), s.databaseBytes() >> 10, (double) s.databaseBytes() / first.databaseBytes()));
        }
        md.append(String.format(Locale.ROOT, "%nAfter %d unchanged re-syncs: rows and rollups together %.2fx their size after"
                        + " the first (largest %.2fx; the rows alone %.2fx: a replaced load's table is dropped whole, and a"
                        + " rollup row whose sums did not change is not written).", same.size() - 1,
                (double) lastSame.bytes() / first.bytes(), same.stream().mapToLong(Sample::bytes).max().orElse(0)
                        / (double) first.bytes(), (double) lastSame.rowBytes() / first.rowBytes()));
        if (!changed.isEmpty()) {
            md.append(String.format(Locale.ROOT, " With every sum changed: largest %.2fx, the whole database largest %.2fx (a"
                            + " source's period of at least `STATEGRAPH_SYNC_OWN_ROLLUP_ROWS` rows in a per-tag rollup"
                            + " is replaced whole and the old table dropped; each changed block of the per-resource sums and each"
                            + " changed row of the smaller rollups leaves a dead row, made reusable by the vacuum after the sync).",
                    changed.stream().mapToLong(Sample::bytes).max().orElse(0) / (double) first.bytes(),
                    changed.stream().mapToLong(Sample::databaseBytes).max().orElse(0) / (double) first.databaseBytes()));
        }
        md.append(String.format(Locale.ROOT, " After `VACUUM FULL`: the rows %,d KiB, %,.1f bytes per row, %.2fx the Parquet"
                        + " export; the rollups %,d KiB (%,.1f bytes per row).%n", vacuumedRows >> 10,
                (double) vacuumedRows / first.rows(), (double) vacuumedRows / parquetBytes, vacuumedRollups >> 10,
                (double) vacuumedRollups / first.rows()));
        long all = perTable.values().stream().mapToLong(Long::longValue).sum();
        md.append(String.format(Locale.ROOT, "%nEvery table after `VACUUM FULL` of the whole database (indexes and TOAST included, a"
                + " partition counted with its parent), per line of the export; the Parquet is %.1f bytes per line.%n%n",
                (double) parquetBytes / first.rows()));
        md.append("| table | size | bytes per line | vs. the Parquet |\n|---|---:|---:|---:|\n");
        perTable.forEach((table, bytes) -> {
            if (bytes * 1000 >= all) { // the tables of at least 0.1 % of the store; the rest summed in the total
                md.append(String.format(Locale.ROOT, "| `%s` | %,d KiB | %,.1f | %.2fx |%n", table, bytes >> 10, (double) bytes / first.rows(),
                        (double) bytes / parquetBytes));
            }
        });
        md.append(String.format(Locale.ROOT, "| every table | %,d KiB | %,.1f | %.2fx |%n", all >> 10, (double) all / first.rows(),
                (double) all / parquetBytes));
        if (distinct > 0) {
            md.append("\nGoals (issues 30 and 32): the whole store at most 3x the Parquet per line; at most 1.25x its first size after")
                    .append(" re-syncs that change every sum.\n");
            md.append("\nReproduce: `bench/run-store --distinct-resources ").append(distinct).append("` (options: `--rows N`, `--resyncs N`,")
                    .append(" `--changed N`).\n");
            BenchmarksFile.replaceSection("store-high-cardinality", md.toString());
            log("wrote " + BenchmarksFile.FILE);
            System.out.println(md);
            return;
        }
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
        md.append("\nReproduce: `bench/run-store` (options: `--rows N`, `--resyncs N`, `--changed N`, `--distinct-resources N`: one month")
                .append(" of that many resources instead, written to a section of its own).\n");
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
