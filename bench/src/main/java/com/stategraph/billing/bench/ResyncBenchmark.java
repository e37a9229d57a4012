package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The daily re-sync of a two-month window, as exports behave: the previous month's files stay as
 * they are and the current month's are rewritten. Each round rewrites the current month's files,
 * syncs (only they, and their month, are read), then syncs again with {@code force} (every file
 * read, as before unchanged files were recognised), on the same server and database.
 */
public final class ResyncBenchmark {
    private record Sync(double seconds, long bytes, int files, long rows) {
    }

    public static void main(String[] args) throws Exception {
        long rowsPerMonth = 500_000;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows-per-month" -> rowsPerMonth = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --rows-per-month N, --rounds N)");
            }
        }
        Path work = Path.of("bench/out");
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        Path previous = generate(work, "previous", rowsPerMonth, BenchRows.DEFAULT_SEED, current.minusMonths(1));
        Path[] currents = {generate(work, "current", rowsPerMonth, BenchRows.DEFAULT_SEED + 1, current),
                generate(work, "current", rowsPerMonth, BenchRows.DEFAULT_SEED + 2, current)};
        Path live = work.resolve("resync-live");
        replace(live, "previous", previous);
        replace(live, "current", currents[0]);
        List<Sync> changed = new ArrayList<>();
        List<Sync> forced = new ArrayList<>();
        Sync first;
        Sync unchanged;
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start();
             BenchServer server = BenchServer.start(work, pg, Map.of())) {
            String tenant = server.newTenant("resync");
            String source = server.newSource(tenant, "aws", "file://" + live.toAbsolutePath() + "/*.parquet", 2);
            first = sync(server, tenant, source, Map.of());
            for (int round = 1; round <= rounds; round++) {
                replace(live, "current", currents[round % 2]);
                changed.add(sync(server, tenant, source, Map.of()));
                forced.add(sync(server, tenant, source, Map.of("force", true)));
                log("round " + round + ": changed " + changed.get(round - 1) + ", forced " + forced.get(round - 1));
            }
            unchanged = sync(server, tenant, source, Map.of());
        }
        report(rowsPerMonth, first, changed, forced, unchanged);
    }

    private static Path generate(Path work, String prefix, long rows, long seed, YearMonth month) throws Exception {
        Path dir = work.resolve("resync-" + BenchRows.VERSION + "-" + prefix + "-" + rows + "-seed" + seed + "-" + month);
        if (!Files.exists(dir.resolve("_COMPLETE"))) {
            log("generating " + rows + " rows of " + month + " (seed " + seed + ")");
            BenchRows.write(dir, rows, seed, month, prefix);
            Files.writeString(dir.resolve("_COMPLETE"), String.valueOf(rows));
        }
        return dir;
    }

    /** The live export's files named {@code prefix-*} become copies of {@code from}'s: rewritten, as an export does. */
    private static void replace(Path live, String prefix, Path from) throws Exception {
        Files.createDirectories(live);
        try (var old = Files.list(live)) {
            for (Path f : old.filter(f -> f.getFileName().toString().startsWith(prefix + "-")).toList()) {
                Files.delete(f);
            }
        }
        try (var files = Files.list(from)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                Files.copy(f, live.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Sync sync(BenchServer server, String tenant, String source, Map<String, ?> body) throws Exception {
        long start = System.nanoTime();
        JsonNode run = server.syncAndWait(tenant, source, body, () -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!run.path("status").asString().equals("ok")) {
            throw new IllegalStateException("sync failed: " + run);
        }
        return new Sync(seconds, run.path("bytes").asLong(), run.path("files").asInt(), run.path("rows").asLong());
    }

    private static double median(List<Sync> syncs, java.util.function.ToDoubleFunction<Sync> f) {
        double[] v = syncs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void report(long rowsPerMonth, Sync first, List<Sync> changed, List<Sync> forced, Sync unchanged)
            throws Exception {
        double changedSeconds = median(changed, Sync::seconds);
        double forcedSeconds = median(forced, Sync::seconds);
        double changedBytes = median(changed, Sync::bytes);
        double forcedBytes = median(forced, Sync::bytes);
        StringBuilder md = new StringBuilder("## Daily re-sync of a two-month window\n\n");
        md.append("Written by `bench/run-resync` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, durable settings). An AWS-shaped")
                .append(" export of ").append(String.format(Locale.ROOT, "%,d", rowsPerMonth)).append(" rows a month, each month in files")
                .append(" of its own, synced with a two-month window. Each of ").append(changed.size()).append(" rounds rewrites the")
                .append(" current month's files with other rows and syncs (the previous month's files are unchanged: not read, its")
                .append(" load kept), then syncs again with `force` (every file read, as every sync did before). Medians of the")
                .append(" rounds.\n\n");
        md.append("| sync | seconds | files read | bytes read | rows loaded |\n|---|---:|---:|---:|---:|\n");
        md.append(row("first (everything new)", first.seconds(), first.files(), first.bytes(), first.rows()));
        md.append(row("current month rewritten", changedSeconds, (int) median(changed, Sync::files), (long) changedBytes,
                (long) median(changed, Sync::rows)));
        md.append(row("forced full re-read", forcedSeconds, (int) median(forced, Sync::files), (long) forcedBytes,
                (long) median(forced, Sync::rows)));
        md.append(row("nothing changed", unchanged.seconds(), unchanged.files(), unchanged.bytes(), unchanged.rows()));
        md.append(String.format(Locale.ROOT, "%nThe daily re-sync read %.2fx the bytes of a full re-read and took %.2fx its time.%n",
                changedBytes / forcedBytes, changedSeconds / forcedSeconds));
        md.append("\nReproduce: `bench/run-resync` (options: `--rows-per-month N`, `--rounds N`).\n");
        BenchmarksFile.replaceSection("resync", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static String row(String what, double seconds, int files, long bytes, long rows) {
        return String.format(Locale.ROOT, "| %s | %.1f | %d | %,d | %,d |\n", what, seconds, files, bytes, rows);
    }

    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
