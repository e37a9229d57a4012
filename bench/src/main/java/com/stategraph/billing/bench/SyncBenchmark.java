package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.postgresql.PGConnection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Sync throughput and memory against PostgreSQL's own COPY, measured in one run on one machine:
 * <ol>
 * <li>generate N AWS-shaped FOCUS rows as Parquet;</li>
 * <li>sync them end to end through a real server process (-Xmx512m) from a local directory and
 * from an S3 protocol server (s3proxy) on loopback;</li>
 * <li>baseline: {@code COPY ... (FORMAT csv)} of the same canonical rows into an identical table;</li>
 * <li>peak heap of the server while syncing 1M and 10M rows (streaming: it must not grow).</li>
 * </ol>
 * Each timing is repeated and the median reported; results go to docs/benchmarks.md.
 */
public final class SyncBenchmark {
    private static final Pattern HEAP = ServerMemory.HEAP;
    private static final Pattern LIVE = Pattern.compile("^jvm_gc_live_data_size_bytes(?:\\{[^}]*\\})? ([0-9.eE+]+)", Pattern.MULTILINE);

    private final Path work;
    private final EmbeddedPostgres pg;
    private BenchServer server;
    private S3ProxyExtension s3;
    private boolean liveSampling;
    private long lastForcedGc;

    private SyncBenchmark(Path work, EmbeddedPostgres pg) {
        this.work = work;
        this.pg = pg;
    }

    record Measure(String what, long rows, double seconds, long peakRssBytes, long peakHeapBytes, long peakLiveBytes) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = 5_000_000;
        int repeat = 3;
        List<Long> memoryRows = List.of(1_000_000L, 10_000_000L);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--memory-rows" -> memoryRows = java.util.Arrays.stream(args[++i].split(",")).map(Long::parseLong).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --rows N, --repeat N, --memory-rows N,M)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start()) {
            SyncBenchmark bench = new SyncBenchmark(work, pg);
            try {
                bench.run(rows, repeat, memoryRows);
            } finally {
                bench.stopServer();
                if (bench.s3 != null) {
                    bench.s3.afterEach(null);
                }
            }
        }
    }

    private void run(long rows, int repeat, List<Long> memoryRows) throws Exception {
        log("generating " + rows + " rows of AWS-shaped Parquet");
        Path data = BenchRows.dir(work, rows);
        List<Path> files = reuseOrWrite(data, rows);
        Path csv = work.resolve("baseline-" + BenchRows.VERSION + "-" + rows + ".csv");
        if (!Files.exists(csv)) {
            log("writing the baseline CSV");
            // Under another name until complete: a run stopped while writing must not leave half a baseline.
            Path partial = csv.resolveSibling(csv.getFileName() + ".partial");
            BaselineCsv.write(files, partial);
            Files.move(partial, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        startS3();
        uploadToS3(files);
        startServer();

        // A server runs for weeks: measure it warm, after one sync that is not counted.
        Path warm = BenchRows.dir(work, 100_000);
        reuseOrWrite(warm, 100_000);
        sync("warm-up", "file://" + warm.toAbsolutePath() + "/*.parquet", 100_000);

        List<Measure> local = new ArrayList<>();
        List<Measure> fromS3 = new ArrayList<>();
        List<Measure> copy = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            local.add(sync("sync from a local directory", "file://" + data.toAbsolutePath() + "/*.parquet", rows));
            fromS3.add(sync("sync from S3 (s3proxy)", "s3://bench/focus/data/*.parquet", rows));
            copy.add(copyBaseline(csv, rows));
        }
        List<Measure> memory = new ArrayList<>();
        for (long n : memoryRows) {
            Path dir = BenchRows.dir(work, n);
            reuseOrWrite(dir, n);
            // Each size on a fresh server, whose live heap is measured after full collections forced every 2 s.
            stopServer();
            startServer();
            liveSampling = true;
            memory.add(sync("sync " + n + " rows (local)", "file://" + dir.toAbsolutePath() + "/*.parquet", n));
            liveSampling = false;
        }
        report(rows, repeat, median(local), median(fromS3), median(copy), memory);
    }

    private List<Path> reuseOrWrite(Path dir, long rows) throws IOException {
        Path done = dir.resolve("_COMPLETE");
        if (Files.exists(done)) {
            try (var list = Files.list(dir)) {
                return list.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
            }
        }
        List<Path> files = BenchRows.write(dir, rows, BenchRows.DEFAULT_SEED);
        Files.writeString(done, String.valueOf(rows));
        return files;
    }

    private void startS3() throws Exception {
        s3 = S3ProxyExtension.builder().withBlobStoreProvider("filesystem").withCredentials("bench", "bench-secret").build();
        s3.beforeEach(null);
    }

    private void uploadToS3(List<Path> files) {
        try (S3Client client = S3Client.builder().endpointOverride(s3.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench-secret"))).build()) {
            client.createBucket(b -> b.bucket("bench"));
            for (Path f : files) {
                client.putObject(b -> b.bucket("bench").key("focus/data/" + f.getFileName()), RequestBody.fromFile(f));
            }
        }
    }

    private void startServer() throws Exception {
        server = BenchServer.start(work, pg, Map.of("AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench-secret",
                "AWS_REGION", "us-east-1"), "--stategraph.s3.endpoint=" + s3.getUri(), "--stategraph.s3.path-style=true");
    }

    private void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Measure sync(String what, String uri, long rows) throws Exception {
        truncate();
        String tenant = server.newTenant("bench");
        String source = server.newSource(tenant, uri);
        System.gc();
        long start = System.nanoTime();
        long[] peaks = new long[3];
        JsonNode run = server.syncAndWait(tenant, source, () -> {
            try {
                peaks[0] = Math.max(peaks[0], ServerMemory.peakRss(server.pid()));
                String metrics = server.text("/actuator/prometheus");
                peaks[1] = Math.max(peaks[1], ServerMemory.sum(HEAP, metrics));
                if (!liveSampling) {
                    peaks[2] = Math.max(peaks[2], ServerMemory.sum(LIVE, metrics));
                } else if (System.nanoTime() - lastForcedGc > 2_000_000_000L) {
                    lastForcedGc = System.nanoTime();
                    ServerMemory.forceFullGc(server.pid());
                    peaks[2] = Math.max(peaks[2], ServerMemory.sum(HEAP, server.text("/actuator/prometheus")));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!run.path("status").asString().equals("ok") || run.path("rows").asLong() != rows) {
            throw new IllegalStateException(what + " did not load " + rows + " rows: " + run);
        }
        Measure m = new Measure(what, rows, seconds, peaks[0], peaks[1], peaks[2]);
        log(String.format(Locale.ROOT, "%s: %.1f s, %.0f rows/s, peak RSS %d MiB, peak heap %d MiB, live after GC %d MiB",
                what, seconds, m.rowsPerSecond(), peaks[0] >> 20, peaks[1] >> 20, peaks[2] >> 20));
        return m;
    }

    private Measure copyBaseline(Path csv, long rows) throws Exception {
        truncate();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS copy_baseline (LIKE billing_rows INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"
                    + " PARTITION BY RANGE (billing_period)");
            st.execute("CREATE TABLE IF NOT EXISTS copy_baseline_default PARTITION OF copy_baseline DEFAULT");
            st.execute("CREATE INDEX IF NOT EXISTS copy_baseline_load ON copy_baseline (tenant_id, source_id, billing_period, load_id)");
            st.execute("TRUNCATE copy_baseline");
            st.execute("CHECKPOINT");
            long start = System.nanoTime();
            long copied;
            try (InputStream in = Files.newInputStream(csv)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copy_baseline FROM STDIN (FORMAT csv)", in, 1 << 16);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("COPY loaded " + copied + " rows, expected " + rows);
            }
            Measure m = new Measure("PostgreSQL COPY of the same rows as CSV (baseline)", rows, seconds, 0, 0, 0);
            log(String.format(Locale.ROOT, "COPY baseline: %.1f s, %.0f rows/s", seconds, m.rowsPerSecond()));
            return m;
        }
    }

    private void truncate() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE billing_chunks, billing_strings, billing_json");
            st.execute("DO $$ BEGIN IF to_regclass('copy_baseline') IS NOT NULL THEN TRUNCATE copy_baseline; END IF; END $$");
            st.execute("CHECKPOINT");
        }
    }

    private static Measure median(List<Measure> runs) {
        List<Measure> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        Measure mid = sorted.get(sorted.size() / 2);
        long rss = runs.stream().mapToLong(Measure::peakRssBytes).max().orElse(0);
        long heap = runs.stream().mapToLong(Measure::peakHeapBytes).max().orElse(0);
        long live = runs.stream().mapToLong(Measure::peakLiveBytes).max().orElse(0);
        return new Measure(mid.what(), mid.rows(), mid.seconds(), rss, heap, live);
    }

    private void report(long rows, int repeat, Measure local, Measure fromS3, Measure copy, List<Measure> memory) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Written by `bench/run` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", embedded PostgreSQL 18 with the server's durable settings:"
                        + " fsync, synchronous_commit and full_page_writes on). Machines are noisy:")
                .append(" timings are the median of ").append(repeat).append(" runs, and the ratio to the baseline measured")
                .append(" in the same run is the figure to compare.\n\n");
        md.append("## Sync throughput: ").append(String.format(Locale.ROOT, "%,d", rows))
                .append(" AWS-shaped FOCUS rows (Parquet, snappy, DOUBLE costs, map tags)\n\n");
        md.append("End to end through a server process started with `-Xmx512m`: list, read (ranged reads from S3), normalise,")
                .append(" COPY of 4,096-row chunks (arrays, strings as dictionary ids) into the load's `billing_chunks` table, the rollups, swap, all in one transaction. Baseline: PostgreSQL `COPY ... (FORMAT csv)`")
                .append(" of the same canonical rows into a table of one row per billing row (the columns of the `billing_rows` view, partitioned by period, one index): the store before issue 9.\n\n");
        md.append("| run | rows/s (median) | seconds | vs. COPY baseline | peak RSS | JVM live-data gauge (last GC) |\n|---|---:|---:|---:|---:|---:|\n");
        for (Measure m : List.of(local, fromS3, copy)) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.2f | %s | %s |\n", m.what(), m.rowsPerSecond(),
                    m.seconds(), m.rowsPerSecond() / copy.rowsPerSecond(), mib(m.peakRssBytes()), mib(m.peakLiveBytes())));
        }
        md.append("\nGoal (issue 9): at least 0.95 of the COPY baseline; 1.2 hoped for.\n\n");
        md.append("## Memory does not grow with the export\n\n");
        md.append("Each size synced by a fresh server (`-Xmx512m`). Live heap: the heap in use right after a full garbage")
                .append(" collection, forced (`jcmd GC.run`) every 2 s during the sync, at its highest: what the sync really")
                .append(" holds. Heap in use (garbage included) and RSS sampled every 100 ms.\n\n");
        md.append("| rows | seconds | rows/s | live heap after GC | heap in use | peak RSS |\n|---:|---:|---:|---:|---:|---:|\n");
        for (Measure m : memory) {
            md.append(String.format(Locale.ROOT, "| %,d | %.1f | %,.0f | %s | %s | %s |\n", m.rows(), m.seconds(),
                    m.rowsPerSecond(), mib(m.peakLiveBytes()), mib(m.peakHeapBytes()), mib(m.peakRssBytes())));
        }
        md.append("\nDisk: Parquet in object storage is read in place through ranged reads (the footer, then each row")
                .append(" group) and CSV is streamed, so the server writes no temporary files (PostgreSQL keeps the load's rollup sums in temporary tables of its transaction until it commits).\n");
        md.append("\nReproduce: `bench/run` (options: `--rows N`, `--repeat N`, `--memory-rows N,M`).\n");
        BenchmarksFile.replaceSection("sync", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static String mib(long bytes) {
        return bytes == 0 ? "n/a" : (bytes >> 20) + " MiB";
    }




    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
