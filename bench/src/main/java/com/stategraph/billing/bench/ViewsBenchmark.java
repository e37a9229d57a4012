package com.stategraph.billing.bench;

import com.stategraph.billing.costs.ActualsRepository;
import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.CostQueryParser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
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

/**
 * Cost views against DuckDB on a laptop: one tenant's N rows among 3N in the database, three
 * questions a FinOps engineer asks, timed server-side (the view code on the server's PostgreSQL),
 * through HTTP, and by DuckDB over the same rows as Parquet. Writes docs/benchmarks-views.md.
 */
public final class ViewsBenchmark {
    /** Rounds of the views, each asking every question once. */
    private static final int RUNS = 100;
    private static final int DUCKDB_RUNS = 30;
    /** DuckDB's rounds not counted: its caches warm, as on a laptop that has asked before. */
    private static final int DUCKDB_WARM_ROUNDS = 3;
    private static final int WARM_ROUNDS = 100;

    record Question(String name, String query, String duckdb) {
    }

    record Timing(String question, double p50Server, double p95Server, double p50Http, double p95Http,
                  double p50Duck, double p95Duck) {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--distinct-resources")) {
            HighCardinalityViewsBenchmark.main(args);
            return;
        }
        long rows = 10_000_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rows")) {
                rows = Long.parseLong(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + " (options: --rows N; or --distinct-resources N"
                        + " for the views at a resource per line)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        Path data = BenchRows.ensure(work, rows);
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().setServerConfig("shared_buffers", "512MB").start();
             BenchServer server = BenchServer.start(work, pg, Map.of())) {
            String uri = "file://" + data.toAbsolutePath() + "/*.parquet";
            String tenant = null;
            for (int t = 0; t < 3; t++) {
                String id = server.newTenant(t == 0 ? "measured" : "neighbour");
                String source = server.newSource(id, uri);
                log("syncing " + rows + " rows into tenant " + (t + 1) + " of 3");
                var run = server.syncAndWait(id, source, () -> { });
                if (!run.path("status").asString().equals("ok")) {
                    throw new IllegalStateException("sync failed: " + run);
                }
                if (t == 0) {
                    tenant = id;
                }
            }
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE");
                awaitIdle(st);
            }
            List<Timing> timings = measure(pg, server, tenant, data);
            report(rows, timings);
        }
    }

    /**
     * Waits until the server has no background work due or running (attribution, anomaly scans and
     * budget checks follow every sync): timings taken while it runs measure that work, not the views.
     */
    private static void awaitIdle(Statement st) throws Exception {
        long start = System.nanoTime();
        while (true) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM scheduled_tasks WHERE picked OR execution_time <= now()")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    break;
                }
            }
            if (System.nanoTime() - start > java.util.concurrent.TimeUnit.MINUTES.toNanos(30)) {
                throw new IllegalStateException("the server's background work did not finish within 30 minutes");
            }
            Thread.sleep(1000);
        }
        log(String.format(Locale.ROOT, "the server's background work after the syncs ended %.0f s after VACUUM ANALYZE",
                (System.nanoTime() - start) / 1e9));
    }

    private static List<Question> questions() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate month = today.withDayOfMonth(1).minusMonths(1);
        LocalDate next = month.plusMonths(1);
        LocalDate quarter = today.withDayOfMonth(1).minusMonths(2);
        LocalDate quarterEnd = quarter.plusMonths(3);
        String lastMonth = "from=" + month + "&to=" + next;
        // The console's default range: the month so far.
        String soFar = "from=" + next + "&to=" + today.plusDays(1);
        String files = "read_parquet('%s/*.parquet')";
        String inLastMonth = " WHERE ChargePeriodStart >= TIMESTAMPTZ '" + month + " 00:00:00+00' AND ChargePeriodStart < TIMESTAMPTZ '"
                + next + " 00:00:00+00'";
        String inSoFar = " WHERE ChargePeriodStart >= TIMESTAMPTZ '" + next + " 00:00:00+00' AND ChargePeriodStart < TIMESTAMPTZ '"
                + today.plusDays(1) + " 00:00:00+00'";
        String team = "element_at(Tags, 'team')[1]";
        return List.of(
                new Question("a month by service", lastMonth + "&group_by=service",
                        "SELECT ServiceName, BillingCurrency, sum(EffectiveCost) FROM " + files + inLastMonth + " GROUP BY 1, 2 ORDER BY 3 DESC"),
                new Question("a month by resource (top 20 and other)", lastMonth + "&group_by=resource&limit=20",
                        "SELECT ResourceId, BillingCurrency, sum(EffectiveCost) FROM " + files + inLastMonth
                                + " GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 20"),
                new Question("the month so far by resource (top 20 and other)", soFar + "&group_by=resource&limit=20",
                        "SELECT ResourceId, BillingCurrency, sum(EffectiveCost) FROM " + files + inSoFar
                                + " GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 20"),
                new Question("a month by service, tag team:payments", lastMonth + "&group_by=service&tag=team:payments",
                        "SELECT ServiceName, BillingCurrency, sum(EffectiveCost) FROM " + files + inLastMonth + " AND " + team
                                + " = 'payments' GROUP BY 1, 2 ORDER BY 3 DESC"),
                new Question("a month by tag env, tags team:payments and owner", lastMonth
                        + "&group_by=tag&tag_key=env&tag=team:payments&tag=owner:payments-lead@example.com",
                        "SELECT coalesce(element_at(Tags, 'env')[1], 'untagged'), BillingCurrency, sum(EffectiveCost) FROM " + files
                                + inLastMonth + " AND " + team + " = 'payments' AND element_at(Tags, 'owner')[1] = 'payments-lead@example.com'"
                                + " GROUP BY 1, 2"),
                new Question("a month by day stacked by tag key (team)", lastMonth + "&group_by=tag&tag_key=team&granularity=day",
                        "SELECT CAST(ChargePeriodStart AS DATE), coalesce(" + team + ", 'untagged'), BillingCurrency,"
                                + " sum(EffectiveCost) FROM " + files + inLastMonth + " GROUP BY 1, 2, 3"),
                new Question("a quarter by sub-account", "from=" + quarter + "&to=" + quarterEnd + "&group_by=sub_account",
                        "SELECT SubAccountId, BillingCurrency, sum(EffectiveCost) FROM " + files
                                + " WHERE ChargePeriodStart >= TIMESTAMPTZ '" + quarter + " 00:00:00+00' AND ChargePeriodStart < TIMESTAMPTZ '"
                                + quarterEnd + " 00:00:00+00' GROUP BY 1, 2 ORDER BY 3 DESC"),
                new Question("console: the month so far by day, top 8 services", soFar + "&group_by=service&granularity=day&limit=8",
                        "SELECT CAST(ChargePeriodStart AS DATE), ServiceName, BillingCurrency, sum(EffectiveCost) FROM " + files + inSoFar
                                + " GROUP BY 1, 2, 3"),
                new Question("console: the month so far by provider", soFar + "&group_by=provider",
                        "SELECT ProviderName, BillingCurrency, sum(EffectiveCost) FROM " + files + inSoFar + " GROUP BY 1, 2"),
                new Question("console: the month so far by region", soFar + "&group_by=region",
                        "SELECT RegionId, BillingCurrency, sum(EffectiveCost) FROM " + files + inSoFar + " GROUP BY 1, 2"),
                new Question("console: the month so far by sub-account", soFar + "&group_by=sub_account",
                        "SELECT SubAccountId, BillingCurrency, sum(EffectiveCost) FROM " + files + inSoFar + " GROUP BY 1, 2"),
                new Question("console: the month so far by tag key (env)", soFar + "&group_by=tag&tag_key=env",
                        "SELECT coalesce(element_at(Tags, 'env')[1], 'untagged'), BillingCurrency, sum(EffectiveCost) FROM " + files
                                + inSoFar + " GROUP BY 1, 2"));
    }

    private static List<Timing> measure(EmbeddedPostgres pg, BenchServer server, String tenant, Path data) throws Exception {
        // Pooled, as on the server: a new connection per question would time PostgreSQL's backend start-up.
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setDataSource(pg.getPostgresDatabase());
        pool.setMaximumPoolSize(2);
        javax.sql.DataSource db = new com.zaxxer.hikari.HikariDataSource(pool);
        JdbcClient jdbc = JdbcClient.create(db);
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(db));
        ActualsService service = new ActualsService(new ActualsRepository(db, tx, new com.stategraph.billing.load.BillingLoadRepository(jdbc), false, java.time.Duration.ofMinutes(5),
                new com.stategraph.billing.costs.ExpensiveQuestions(64)));
        CostQueryParser parser = new CostQueryParser(Clock.systemUTC());
        Class.forName("org.duckdb.DuckDBDriver");
        List<Question> questions = questions();
        // Per question, the view code server-side, then the same question through HTTP.
        List<Call> views = new ArrayList<>();
        for (Question q : questions) {
            CostQuery query = parser.parse(java.util.UUID.fromString(tenant), params(q.query()));
            String path = "/api/v1/tenants/" + tenant + "/costs/actuals?" + q.query();
            views.add(() -> service.actuals(query));
            views.add(() -> server.text(path));
        }
        // A running server has answered many requests: its request path is compiled.
        inRounds(WARM_ROUNDS, views);
        // Timed in rounds, each asking every question once: a noisy moment of this shared machine
        // (another process, a collection) then falls on every question alike, not on the few
        // questions timed while it lasted.
        double[][] viewTimes = inRounds(RUNS, views);
        // DuckDB last, in rounds as well: its queries keep both cores busy, and the views must not be
        // timed in their wake.
        double[][] duckdb;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            List<Call> duckCalls = new ArrayList<>();
            for (Question q : questions) {
                String sql = String.format(q.duckdb(), data.toAbsolutePath());
                duckCalls.add(() -> {
                    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                    return null;
                });
            }
            inRounds(DUCKDB_WARM_ROUNDS, duckCalls);
            duckdb = inRounds(DUCKDB_RUNS, duckCalls);
        }
        List<Timing> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            double[] serverSide = viewTimes[2 * i];
            double[] http = viewTimes[2 * i + 1];
            Timing t = new Timing(questions.get(i).name(), pct(serverSide, 50), pct(serverSide, 95), pct(http, 50),
                    pct(http, 95), pct(duckdb[i], 50), pct(duckdb[i], 95));
            log(String.format(Locale.ROOT, "%s: server p50 %.1f ms p95 %.1f ms; HTTP p50 %.1f p95 %.1f; DuckDB p50 %.1f p95 %.1f",
                    t.question(), t.p50Server(), t.p95Server(), t.p50Http(), t.p95Http(), t.p50Duck(), t.p95Duck()));
            out.add(t);
        }
        return out;
    }

    /** {@code rounds} rounds that each make every call once, in order. @return per call, its milliseconds, sorted */
    private static double[][] inRounds(int rounds, List<Call> calls) throws Exception {
        double[][] ms = new double[calls.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < calls.size(); i++) {
                ms[i][round] = millis(calls.get(i));
            }
        }
        for (double[] each : ms) {
            Arrays.sort(each);
        }
        return ms;
    }

    private static CostQueryParser.Params params(String query) {
        Map<String, String> p = new java.util.HashMap<>();
        List<String> tags = new ArrayList<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("tag")) {
                tags.add(kv[1]);
            } else {
                p.put(kv[0], kv[1]);
            }
        }
        return new CostQueryParser.Params(p.get("from"), p.get("to"), p.get("metric"), p.get("group_by"), p.get("tag_key"),
                p.get("granularity"), null, null, null, null, null, tags.isEmpty() ? null : tags, p.get("limit"), null, null, null);
    }

    interface Call {
        Object run() throws Exception;
    }

    private static double millis(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void report(long rows, List<Timing> timings) throws Exception {
        StringBuilder md = new StringBuilder("# Benchmarks: cost views\n\n");
        md.append("Written by `bench/run-views` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores). One tenant's ")
                .append(String.format(Locale.ROOT, "%,d", rows)).append(" AWS-shaped rows among ")
                .append(String.format(Locale.ROOT, "%,d", 3 * rows)).append(" in the database (three tenants), loaded by real syncs; timed once the server's background work after the")
                .append(" syncs (attribution, anomaly scans, budget checks) had ended.")
                .append(" Each question is timed server-side (the view code against the server's PostgreSQL) and through HTTP (the API,")
                .append(" JSON included) in ").append(RUNS).append(" rounds that each ask every question once, so a noisy moment of")
                .append(" the machine falls on all questions alike; before them every question was asked ").append(WARM_ROUNDS)
                .append(" times both ways (a running server's request path is compiled; the first few hundred requests of a fresh")
                .append(" JVM are slower). Then DuckDB (in process, `duckdb_jdbc`) over the same rows as the Parquet export, what a")
                .append(" FinOps engineer would do on a laptop, after the views so its use of both cores does not slow them: ")
                .append(DUCKDB_RUNS).append(" rounds of every question, after ").append(DUCKDB_WARM_ROUNDS).append(" not counted.\n\n");
        md.append("| question | server p50 | server p95 | HTTP p50 | HTTP p95 | DuckDB p50 | DuckDB p95 | DuckDB p50 / HTTP p50 |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Timing t : timings) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1fx |\n",
                    t.question(), t.p50Server(), t.p95Server(), t.p50Http(), t.p95Http(), t.p50Duck(), t.p95Duck(),
                    t.p50Duck() / t.p50Http()));
        }
        long met = timings.stream().filter(t -> t.p95Http() < 50 && t.p50Duck() / t.p50Http() >= 20).count();
        Timing slowest = timings.stream().max(java.util.Comparator.comparingDouble(Timing::p95Http)).orElseThrow();
        Timing closest = timings.stream().min(java.util.Comparator.comparingDouble(t -> t.p50Duck() / t.p50Http())).orElseThrow();
        md.append(String.format(Locale.ROOT, "%nGoal (issue 9): p95 through HTTP under 50 ms, and at least 20x faster than DuckDB, on"
                        + " each question. Met on %d of %d questions in this run; largest HTTP p95 %.1f ms (%s); smallest ratio %.1fx (%s).%n",
                met, timings.size(), slowest.p95Http(), slowest.question(), closest.p50Duck() / closest.p50Http(), closest.question()));
        md.append("\nThe views answer from the rollups each sync rebuilds, not from the billing rows: without filters, grouped by one")
                .append(" dimension or not at all, from the sums per single dimension (`cost_monthly_dimensions` for whole months,")
                .append(" `cost_daily_dimensions` for the days at a range's edges: a few rows per value and day); with filters,")
                .append(" from the sums per combination of every dimension (`cost_monthly`, `cost_daily`); `cost_daily_tags` for a tag grouping,")
                .append(" `cost_daily_tag_sets` (daily sums per whole tag set) for tag filters, `cost_monthly_resources` for a")
                .append(" resource grouping by month or in total, and for one whole month (or the month so far) unfiltered the head")
                .append(" of the month's kept list of its largest resources (`cost_month_top_resources`). The data has one resource per 200 rows (")
                .append(String.format(Locale.ROOT, "%,d", BenchRows.resourcesFor(rows)))
                .append(" resources), each in one account, region and service; DuckDB's resource questions return the top 20 only.\n")
                .append("\nReproduce: `bench/run-views` (option `--rows N`, default 10,000,000).\n");
        Files.writeString(Path.of("docs/benchmarks-views.md"), md.toString());
        System.out.println(md);
    }

    private static void log(String message) {
        System.err.println("[views " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
