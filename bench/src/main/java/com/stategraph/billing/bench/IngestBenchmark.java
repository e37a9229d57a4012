package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
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
 * The sync against DuckDB's own ingest of the same Parquet, and the store's growth per line against
 * the Parquet's bytes per line, for two exports of the same size: the usual one (a resource per 200
 * lines) and a high-cardinality one (nearly a resource per line, each with tags of its own).
 * DuckDB: {@code CREATE TABLE ... AS SELECT * FROM read_parquet(...)}, then {@code CHECKPOINT}, into a
 * database file of its own. Medians of the repetitions after a warm-up round, both in the same run.
 */
public final class IngestBenchmark {
    private record Export(String name, Path dir, long rows, long distinct, long parquetBytes) {
    }

    /** The warm-up rounds' seconds (a fresh server's code is compiled as it runs), then the counted rounds'. */
    private record Result(Export export, List<Double> warmSyncs, List<Double> warmDuck, List<Double> syncs, List<Double> duck,
                          long grownBytes) {
        double syncSeconds() {
            return median(syncs);
        }

        double duckdbSeconds() {
            return median(duck);
        }

        String rounds(List<Double> sync, List<Double> duckdb) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < sync.size(); i++) {
                out.add(String.format(Locale.ROOT, "%.1f/%.1f", sync.get(i), duckdb.get(i)));
            }
            return String.join(", ", out);
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int repeat = 3;
        int warmup = 1;
        long distinct = 925_000;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--distinct-resources" -> distinct = Long.parseLong(args[++i]);
                case "--export" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --rows N, --repeat N, --warmup N, --distinct-resources N, --export usual|high-cardinality)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        List<Export> exports = new ArrayList<>();
        if (only == null || only.equals("usual")) {
            exports.add(export(work, "usual", rows, 0));
        }
        if (only == null || only.equals("high-cardinality")) {
            exports.add(export(work, "high-cardinality", rows, distinct));
        }
        if (exports.isEmpty()) {
            throw new IllegalArgumentException("--export is usual or high-cardinality, not " + only);
        }
        Class.forName("org.duckdb.DuckDBDriver");
        List<Result> results = new ArrayList<>();
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start();
             BenchServer server = BenchServer.start(work, pg, Map.of())) {
            JdbcClient db = JdbcClient.create(pg.getPostgresDatabase());
            for (Export export : exports) {
                List<Double> syncs = new ArrayList<>();
                List<Double> duck = new ArrayList<>();
                long grown = 0;
                for (int r = 0; r < warmup + repeat; r++) {
                    db.sql("VACUUM").update();
                    long before = db.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
                    String tenant = server.newTenant(export.name() + "-" + r);
                    String source = server.newSource(tenant, "aws", "file://" + export.dir().toAbsolutePath() + "/*.parquet", 2);
                    long start = System.nanoTime();
                    JsonNode run = server.syncAndWait(tenant, source, () -> { });
                    syncs.add((System.nanoTime() - start) / 1e9);
                    if (!run.path("status").asString().equals("ok")) {
                        throw new IllegalStateException("sync failed: " + run);
                    }
                    // Before DuckDB's turn and the next round: the attribution that follows each sync must not share the machine with them.
                    awaitAttribution(server, tenant);
                    if (r == 0) {
                        db.sql("VACUUM").update();
                        grown = db.sql("SELECT pg_database_size(current_database())").query(Long.class).single() - before;
                    }
                    duck.add(duckdb(work, export));
                    log(export.name() + (r < warmup ? " warm-up" : " round " + (r - warmup + 1)) + ": sync " + syncs.get(r) + " s, DuckDB "
                            + duck.get(r) + " s");
                }
                results.add(new Result(export, syncs.subList(0, warmup), duck.subList(0, warmup), syncs.subList(warmup, syncs.size()),
                        duck.subList(warmup, duck.size()), grown));
            }
        }
        report(results, repeat, warmup);
    }

    private static Export export(Path work, String name, long rows, long distinct) throws Exception {
        Path dir = work.resolve("ingest-" + BenchRows.VERSION + "-" + name + "-" + rows + (distinct > 0 ? "-" + distinct : ""));
        if (!Files.exists(dir.resolve("_COMPLETE"))) {
            log("generating " + rows + " rows (" + name + ")");
            BenchRows.write(dir, rows, BenchRows.DEFAULT_SEED, null, "focus-export", distinct);
            Files.writeString(dir.resolve("_COMPLETE"), String.valueOf(rows));
        }
        long bytes;
        try (var files = Files.list(dir)) {
            bytes = files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
        }
        return new Export(name, dir, rows, distinct > 0 ? Math.min(distinct, rows) : BenchRows.resourcesFor(rows), bytes);
    }

    /** DuckDB's ingest of the export into a database file of its own, made durable. */
    private static double duckdb(Path work, Export export) throws Exception {
        Path file = work.resolve("ingest-duckdb.duckdb");
        Files.deleteIfExists(file);
        Files.deleteIfExists(work.resolve("ingest-duckdb.duckdb.wal"));
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE focus AS SELECT * FROM read_parquet('" + export.dir().toAbsolutePath() + "/*.parquet')");
            s.execute("CHECKPOINT");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void awaitAttribution(BenchServer server, String tenant) throws Exception {
        Instant deadline = Instant.now().plusSeconds(600);
        while (Instant.now().isBefore(deadline)) {
            JsonNode a = server.get("/api/v1/tenants/" + tenant + "/costs/attribution");
            if (a.hasNonNull("computed_at") && a.path("uncomputed_count").asLong() == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("attribution of " + tenant + " not computed within 10 minutes");
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void report(List<Result> results, int repeat, int warmup) throws Exception {
        StringBuilder md = new StringBuilder("## Sync against DuckDB's ingest, and the store per line, by cardinality\n\n");
        md.append("Written by `bench/run-ingest` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, durable settings). Each export")
                .append(" synced end to end by a server process (`-Xmx512m`) from a local directory into a new tenant, and ingested by")
                .append(" DuckDB (JDBC, in this process) from the same files: `CREATE TABLE ... AS SELECT * FROM read_parquet(...)`,")
                .append(" then `CHECKPOINT`, into a new database file, once the attribution that follows each sync is done (it")
                .append(" shares the machine with neither). ").append(repeat == 1 ? "One counted round of each" : "Medians of " + repeat)
                .append(" rounds, after ").append(warmup == 1 ? "a warm-up round" : warmup + " warm-up rounds")
                .append(" (the server's code is compiled as it runs, so a fresh server's first syncs are slower; a server syncs for")
                .append(" days, and its warm-up rounds are listed below). Store growth: the whole")
                .append(" PostgreSQL database (rows, rollups, dictionaries, attribution, indexes) after the export's first sync and its")
                .append(" attribution, `VACUUM`ed, per line.\n\n");
        md.append("| export | lines | distinct resources | Parquet bytes/line | sync s | DuckDB s | sync vs DuckDB | store bytes/line | vs Parquet |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            Export e = r.export();
            double parquetPerLine = (double) e.parquetBytes() / e.rows();
            double storePerLine = (double) r.grownBytes() / e.rows();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %.1f | %.1f | %.2fx | %,.0f | %.1fx |\n", e.name(), e.rows(),
                    e.distinct(), parquetPerLine, r.syncSeconds(), r.duckdbSeconds(), r.duckdbSeconds() / r.syncSeconds(),
                    storePerLine, storePerLine / parquetPerLine));
        }
        md.append("\nEvery round, seconds of sync/DuckDB:\n");
        for (Result r : results) {
            md.append("- ").append(r.export().name()).append(": ").append(r.rounds(r.syncs(), r.duck()));
            if (!r.warmSyncs().isEmpty()) {
                md.append("; warm-up ").append(r.rounds(r.warmSyncs(), r.warmDuck()));
            }
            md.append("\n");
        }
        md.append("\nGoal (issue 30): the sync at least 0.5x DuckDB's ingest, and the store at most 3x the Parquet per line, for")
                .append(" both exports.\n\nReproduce: `bench/run-ingest` (options: `--rows N`, `--repeat N`, `--warmup N`,")
                .append(" `--distinct-resources N`, `--export usual|high-cardinality` for one of the two).\n");
        BenchmarksFile.replaceSection("ingest", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
