package com.stategraph.billing.costs;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import com.stategraph.billing.load.BillingLoadRepository;
import com.stategraph.billing.db.TimeLimitedJdbc;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sums for cost views. A question the rollups can answer is answered from them: without filters,
 * grouped by one dimension or none, {@code cost_monthly_dimensions} and {@code cost_daily_dimensions};
 * otherwise {@code cost_monthly} and {@code cost_daily} by dimension, {@code cost_daily_tags} for a tag grouping,
 * {@code cost_daily_tag_sets} for tag filters, {@code cost_monthly_resources} for a resource
 * grouping by month or in total. Anything else (a resource grouping by day or with tag filters, a
 * tag-filtered question narrowed by account or region) from the billing rows, with the same
 * meaning. Amounts are only ever summed within one currency.
 */
@Repository
public class ActualsRepository {
    static final String NONE = "(none)";
    /** The daily tag sets with each set's JSON as {@code tags} ('{}' for lines without tags): the rollup keeps its dictionary id (V45). */
    private static final String TAG_SETS = "(SELECT s.*, coalesce(j.value, '{}'::jsonb) AS tags FROM cost_daily_tag_sets s"
            + " LEFT JOIN billing_json j ON j.tenant_id = s.tenant_id AND j.id = s.tags_key)";
    static final String UNTAGGED = "untagged";

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final BillingLoadRepository loads;
    private final boolean foldTagKeys;
    private final String statementTimeout;
    private final ExpensiveQuestions expensive;
    private final TopResourcesOfMonth topResources;

    /**
     * @param db           the API's connections
     * @param queryTimeout longest a cost question may run in the database; past it PostgreSQL
     *                     cancels it and the API answers 503 QUERY_TIMEOUT, so one expensive
     *                     question cannot hold a connection that everyone else needs
     */
    public ActualsRepository(DataSource db, TransactionTemplate tx, BillingLoadRepository loads,
                             @Value("${stategraph.tags.case-insensitive-keys:false}") boolean foldTagKeys,
                             @Value("${stategraph.api.query-timeout}") java.time.Duration queryTimeout,
                             ExpensiveQuestions expensive) {
        this.expensive = expensive;
        this.jdbc = TimeLimitedJdbc.client(db, queryTimeout);
        this.topResources = new TopResourcesOfMonth(jdbc);
        this.loads = loads;
        this.snapshot = new TransactionTemplate(tx.getTransactionManager());
        snapshot.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.foldTagKeys = foldTagKeys;
        this.statementTimeout = Math.max(1, queryTimeout.toMillis()) + "ms";
    }

    /**
     * Runs {@code query} in a read-only transaction on one snapshot, under the timeout: for answers
     * made of several statements that must agree, and for reading billing rows (whose tables must
     * not be dropped between choosing them and reading them).
     */
    private <T> T onOneSnapshot(java.util.function.Supplier<T> query) {
        return snapshot.execute(s -> {
            jdbc.sql(BillingLoadRepository.LOCK_ROWS).update();
            applyTimeout();
            return query.get();
        });
    }

    /** Statements after this in the transaction are cancelled by PostgreSQL past the query timeout. */
    private void applyTimeout() {
        jdbc.sql("SELECT set_config('statement_timeout', ?, true)").param(statementTimeout).query().singleValue();
    }

    List<CostRow> sums(CostQuery q) {
        boolean tagGroup = q.groupBy() == Dimension.TAG;
        boolean narrowedBeyondTags = q.subAccount() != null || q.region() != null;
        if (q.groupBy() == Dimension.RESOURCE && q.tags().isEmpty() && q.granularity() != Granularity.DAY) {
            return expensive.run(q.tenantId(), () -> fromResourceRollup(q));
        }
        boolean unsummed = namesUnsummedTag(q);
        if (!q.tags().isEmpty() && !narrowedBeyondTags && inTagSets(q.groupBy()) && !unsummed) {
            return expensive.run(q.tenantId(), () -> onOneSnapshot(() -> namesUnsummedTag(q) ? rowsIn(q) : fromTagSets(q)));
        }
        boolean rowsOnly = !q.tags().isEmpty() || q.groupBy() == Dimension.RESOURCE || (tagGroup && narrowedBeyondTags) || unsummed;
        if (rowsOnly) {
            return expensive.run(q.tenantId(), () -> fromRows(q));
        }
        if (tagGroup) {
            // Asked again on the snapshot read: a sync committing in between may have stopped summing the key.
            return onOneSnapshot(() -> namesUnsummedTag(q) ? rowsIn(q) : fromTagRollup(q));
        }
        return fromRollup(q, q.groupBy() == null ? "'total'" : q.groupBy().rollupColumn());
    }

    /**
     * Whether {@code q} filters or groups by the values of a tag key the rollups of its range do not sum
     * ({@link BillingLoadRepository#unsummedTagKeys}): only the billing rows hold those.
     */
    private boolean namesUnsummedTag(CostQuery q) {
        List<String> named = new ArrayList<>();
        q.tags().forEach(t -> named.add(t.key()));
        if (q.groupBy() == Dimension.TAG) {
            named.add(q.tagKey());
        }
        if (named.isEmpty()) {
            return false;
        }
        java.util.Set<String> unsummed = loads.unsummedTagKeys(q.tenantId(), q.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                q.to().atStartOfDay(ZoneOffset.UTC).toInstant(), foldTagKeys).keySet();
        return named.stream().anyMatch(k -> unsummed.contains(foldTagKeys ? k.toLowerCase(java.util.Locale.ROOT) : k));
    }

    /** Whether {@code cost_daily_tag_sets} carries a grouping (null: none); a tag-filtered question grouped otherwise reads billing rows. */
    private static boolean inTagSets(Dimension d) {
        return d == null || java.util.EnumSet.of(Dimension.PROVIDER, Dimension.HOST_PROVIDER, Dimension.PUBLISHER,
                Dimension.INVOICE_ISSUER, Dimension.SERVICE, Dimension.SOURCE, Dimension.TAG).contains(d);
    }

    /**
     * Tag filters (any number of them) and tag groupings narrowed by tags, from the daily sums per
     * whole tag set: the filters apply to each set's JSON as they would to each row's.
     */
    private List<CostRow> fromTagSets(CostQuery q) {
        List<Object> keyParams = new ArrayList<>();
        String key = groupKey(q, keyParams, q.groupBy() == null ? null : q.groupBy().rollupColumn());
        boolean oneTag = oneTextTag(q);
        Sql sql = new Sql("SELECT " + key + " AS k, billing_currency AS c, " + period(q, "day") + " AS p, sum("
                + q.metric().column() + ") AS cost FROM " + (oneTag ? "cost_daily_tags" : TAG_SETS) + " r", keyParams.toArray());
        sql.append(" WHERE tenant_id = ? AND day >= ? AND day < ?", q.tenantId(), Date.valueOf(q.from()), Date.valueOf(q.to()));
        rollupFilters(sql, q, false);
        if (oneTag) {
            // The key's rows only (an index range), not every tag set of the range: at a resource per line, a set per line.
            sql.append(" AND tag_key = ? AND tag_value = ?", q.tags().get(0).key(), q.tags().get(0).value());
        }
        for (CostQuery.TagFilter t : oneTag ? List.<CostQuery.TagFilter>of() : q.tags()) {
            sql.append(" AND " + tagValue() + " = ?", t.key(), t.value());
        }
        sql.append(" GROUP BY 1, 2, 3");
        return run(q.limit() == null ? sql : topAndOther(sql, q.limit()), NONE);
    }

    /**
     * Whether the single-tag rollup answers a tag-filtered question as the tag sets would: one filter, keys
     * compared as given, no grouping by another tag, and a value no JSON number or structure prints as
     * (the rollup keeps those as the loader prints them, the tag sets as PostgreSQL does: 1.0E20 or 100000000000000000000).
     */
    private boolean oneTextTag(CostQuery q) {
        if (q.tags().size() != 1 || foldTagKeys || q.groupBy() == Dimension.TAG) {
            return false;
        }
        String value = q.tags().get(0).value();
        return !value.isEmpty() && "{[-+.0123456789".indexOf(value.charAt(0)) < 0;
    }

    /**
     * A resource grouping by month or in total, from the monthly sums per resource, when the range
     * holds every charge of the months it touches (whole months, or the month so far with nothing
     * charged after it). Otherwise from the billing rows. Both statements see one snapshot, so a
     * sync committing between them cannot make the answer half old, half new.
     */
    private List<CostRow> fromResourceRollup(CostQuery q) {
        LocalDate firstMonth = q.from().withDayOfMonth(1);
        LocalDate lastDay = q.to().minusDays(1);
        LocalDate endMonth = lastDay.withDayOfMonth(1).plusMonths(1);
        return onOneSnapshot(() -> {
            boolean partialMonths = jdbc.sql("SELECT EXISTS (SELECT 1 FROM cost_daily WHERE tenant_id = ?"
                            + " AND ((day >= ? AND day < ?) OR (day >= ? AND day < ?)))")
                    .params(q.tenantId(), Date.valueOf(firstMonth), Date.valueOf(q.from()), Date.valueOf(q.to()),
                            Date.valueOf(endMonth))
                    .query(Boolean.class).single();
            if (partialMonths) {
                return rowsIn(q);
            }
            if (q.limit() != null && firstMonth.plusMonths(1).equals(endMonth) && unfiltered(q)) {
                return topResources.of(q, firstMonth);
            }
            // The rollup keeps a resource by its dictionary id: summed by id, then named by the ResourceId's text.
            Sql sql = new Sql("SELECT d.value AS k, g.c, g.p, g.cost FROM (SELECT resource_key, billing_currency AS c, "
                    + period(q, "month") + " AS p, sum(" + q.metric().column() + ") AS cost FROM cost_monthly_resources"
                    + " WHERE tenant_id = ? AND month >= ? AND month < ?", q.tenantId(), Date.valueOf(firstMonth), Date.valueOf(endMonth));
            rollupFilters(sql, q, true);
            sql.append(" GROUP BY 1, 2, 3) g LEFT JOIN billing_resource_values d ON d.tenant_id = ? AND d.id = g.resource_key", q.tenantId());
            return run(q.limit() == null ? sql : topAndOther(sql, q.limit()), NONE);
        });
    }

    private static boolean unfiltered(CostQuery q) {
        return java.util.stream.Stream.of(q.provider(), q.hostProvider(), q.publisher(), q.invoiceIssuer(), q.service(),
                q.subAccount(), q.region(), q.sourceId()).allMatch(java.util.Objects::isNull);
    }

    /**
     * From the rollups: whole months of the range from {@code cost_monthly} (unless the series is
     * daily), the days at its edges from {@code cost_daily}; or their sums per single dimension
     * (see {@link RollupTables}).
     */
    private List<CostRow> fromRollup(CostQuery q, String keyExpr) {
        RollupTables from = RollupTables.of(q, keyExpr);
        LocalDate firstWhole = q.from().getDayOfMonth() == 1 ? q.from() : q.from().withDayOfMonth(1).plusMonths(1);
        LocalDate endWhole = q.to().withDayOfMonth(1);
        if (q.granularity() == Granularity.DAY || !firstWhole.isBefore(endWhole)) {
            Sql sql = new Sql("SELECT " + from.key() + " AS k, billing_currency AS c, " + period(q, "day") + " AS p, sum("
                    + q.metric().column() + ") AS cost FROM " + from.daily() + " WHERE tenant_id = ?" + from.dimensionFilter()
                    + " AND day >= ? AND day < ?", from.params(q.tenantId(), Date.valueOf(q.from()), Date.valueOf(q.to())));
            rollupFilters(sql, q, true);
            sql.append(" GROUP BY 1, 2, 3");
            return run(sql, NONE);
        }
        Sql sql = new Sql("SELECT k, c, p, sum(cost) AS cost FROM (SELECT " + from.key() + " AS k, billing_currency AS c, "
                + period(q, "month") + " AS p, " + q.metric().column() + " AS cost FROM " + from.monthly()
                + " WHERE tenant_id = ?" + from.dimensionFilter() + " AND month >= ? AND month < ?",
                from.params(q.tenantId(), Date.valueOf(firstWhole), Date.valueOf(endWhole)));
        rollupFilters(sql, q, true);
        sql.append(" UNION ALL SELECT " + from.key() + ", billing_currency, " + period(q, "day") + ", " + q.metric().column()
                + " FROM " + from.daily() + " WHERE tenant_id = ?" + from.dimensionFilter() + " AND ((day >= ? AND day < ?) OR (day >= ? AND day < ?))",
                from.params(q.tenantId(), Date.valueOf(q.from()), Date.valueOf(firstWhole), Date.valueOf(endWhole), Date.valueOf(q.to())));
        rollupFilters(sql, q, true);
        sql.append(") x GROUP BY 1, 2, 3");
        return run(sql, NONE);
    }

    /**
     * Where a rollup question reads: without filters other than the source, the sums per single
     * dimension ({@code cost_daily_dimensions}, {@code cost_monthly_dimensions}: tens of rows a day);
     * otherwise the sums per combination of every dimension ({@code cost_daily}, {@code cost_monthly}).
     *
     * @param dimension the single dimension's name, or null when reading the combinations
     */
    private record RollupTables(String daily, String monthly, String key, String dimension) {
        static RollupTables of(CostQuery q, String keyExpr) {
            boolean filtered = q.provider() != null || q.hostProvider() != null || q.publisher() != null
                    || q.invoiceIssuer() != null || q.service() != null || q.subAccount() != null || q.region() != null;
            if (filtered) {
                return new RollupTables("cost_daily", "cost_monthly", keyExpr, null);
            }
            boolean column = q.groupBy() != null && keyExpr.equals(q.groupBy().rollupColumn()) && q.groupBy() != Dimension.SOURCE;
            return new RollupTables("cost_daily_dimensions", "cost_monthly_dimensions", column ? "value" : keyExpr,
                    column ? keyExpr : "total");
        }

        String dimensionFilter() {
            return dimension == null ? "" : " AND dimension = ?";
        }

        /** The tenant, then the dimension when there is one, then {@code rest}. */
        Object[] params(Object tenantId, Object... rest) {
            List<Object> all = new ArrayList<>();
            all.add(tenantId);
            if (dimension != null) {
                all.add(dimension);
            }
            all.addAll(List.of(rest));
            return all.toArray();
        }
    }

    private List<CostRow> fromTagRollup(CostQuery q) {
        String keyMatch = foldTagKeys ? "lower(tag_key) = lower(?)" : "tag_key = ?";
        Sql tagged = new Sql("SELECT coalesce(tag_value, '" + NONE + "') AS k, billing_currency AS c, " + period(q, "day")
                + " AS p, sum(" + q.metric().column() + ") AS cost FROM cost_daily_tags WHERE tenant_id = ? AND day >= ?"
                + " AND day < ? AND " + keyMatch, q.tenantId(), Date.valueOf(q.from()), Date.valueOf(q.to()), q.tagKey());
        rollupFilters(tagged, q, false);
        tagged.append(" GROUP BY 1, 2, 3");
        List<CostRow> rows = new ArrayList<>(run(tagged, NONE));
        // Rows without the key: everything, less what carries it, per currency and period.
        Map<List<Object>, BigDecimal> withKey = new HashMap<>();
        for (CostRow r : rows) {
            withKey.merge(Arrays.asList(r.currency(), r.period()), r.cost(), BigDecimal::add);
        }
        for (CostRow total : fromRollup(q, "'" + UNTAGGED + "'")) {
            BigDecimal untagged = total.cost().subtract(
                    withKey.getOrDefault(Arrays.asList(total.currency(), total.period()), BigDecimal.ZERO));
            if (untagged.signum() != 0) {
                rows.add(new CostRow(UNTAGGED, total.currency(), total.period(), untagged));
            }
        }
        return rows;
    }

    private void rollupFilters(Sql sql, CostQuery q, boolean dailyTable) {
        // Provider names are compared without case: provider=aws finds "AWS", provider=microsoft "Microsoft".
        sql.andIf(q.provider(), "lower(provider) = lower(?)");
        sql.andIf(q.hostProvider(), "lower(host_provider) = lower(?)");
        sql.andIf(q.publisher(), "lower(publisher) = lower(?)");
        sql.andIf(q.invoiceIssuer(), "lower(invoice_issuer) = lower(?)");
        sql.andIf(q.service(), "service_name = ?");
        sql.andIf(q.sourceId(), "source_id = ?");
        if (dailyTable) {
            sql.andIf(q.subAccount(), "sub_account_id = ?");
            sql.andIf(q.region(), "region_id = ?");
        }
    }

    /** From the billing rows, in a transaction of its own or in the caller's {@link #onOneSnapshot}. */
    private List<CostRow> fromRows(CostQuery q) {
        return onOneSnapshot(() -> rowsIn(q));
    }

    private List<CostRow> rowsIn(CostQuery q) {
        List<Object> keyParams = new ArrayList<>();
        String key = groupKey(q, keyParams, q.groupBy() == null ? null : q.groupBy().rowsColumn());
        String day = "(r.charge_period_start AT TIME ZONE 'UTC')::date";
        Sql sql = new Sql("SELECT " + key + " AS k, r.billing_currency AS c, " + period(q, day) + " AS p,"
                // A group whose rows all lack the metric (an export without EffectiveCost) costs 0, as in the rollups.
                + " coalesce(sum(r." + q.metric().column() + "), 0) AS cost FROM billing_rows r JOIN billing_sources s ON s.id = r.source_id", keyParams.toArray());
        // Only the tenant's current loads with charges in the range, seen in the same snapshot as the rows: PostgreSQL
        // then reads their tables and no other tenant's or month's, nor a replaced load's still being dropped.
        java.time.Instant from = q.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        java.time.Instant to = q.to().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<java.util.UUID> current = loads.currentChargedIn(q.tenantId(), from, to);
        if (current.isEmpty()) {
            return List.of();
        }
        sql.append(" WHERE " + BillingLoadRepository.onlyLoads("r.load_id", current) + " AND r.tenant_id = ?"
                + " AND r.charge_period_start >= ? AND r.charge_period_start < ?", q.tenantId(), java.sql.Timestamp.from(from),
                java.sql.Timestamp.from(to));
        sql.andIf(q.provider(), "lower(" + Dimension.PROVIDER.rowsColumn() + ") = lower(?)");
        sql.andIf(q.hostProvider(), "lower(r.host_provider_name) = lower(?)");
        sql.andIf(q.publisher(), "lower(r.publisher_name) = lower(?)");
        sql.andIf(q.invoiceIssuer(), "lower(r.invoice_issuer_name) = lower(?)");
        sql.andIf(q.service(), "r.service_name = ?");
        sql.andIf(q.subAccount(), "r.sub_account_id = ?");
        sql.andIf(q.region(), "r.region_id = ?");
        sql.andIf(q.sourceId(), "r.source_id = ?");
        for (CostQuery.TagFilter t : q.tags()) {
            sql.append(" AND " + tagValue() + " = ?", t.key(), t.value());
        }
        sql.append(" GROUP BY 1, 2, 3");
        return run(q.limit() == null ? sql : topAndOther(sql, q.limit()), NONE);
    }

    /**
     * Only the top {@code limit} groups of each currency leave the database, ranked as the service
     * ranks them (total, then key); the rest come summed per period as one folded cell. A resource
     * grouping has as many groups as resources, and none of them should be held in the heap.
     */
    private static Sql topAndOther(Sql grouped, int limit) {
        // Equalities only, so PostgreSQL can hash both joins; a null key is a group of its own.
        String same = "coalesce(t.k, '') = coalesce(g.k, '') AND (t.k IS NULL) = (g.k IS NULL) AND t.c = g.c";
        Sql sql = new Sql("WITH g AS MATERIALIZED (" + grouped.text + "), t AS (SELECT x.k, x.c FROM (SELECT DISTINCT c FROM g) cs"
                + " CROSS JOIN LATERAL (SELECT k, c FROM g WHERE g.c = cs.c GROUP BY k, c"
                + " ORDER BY sum(cost) DESC, coalesce(k, '" + NONE + "') COLLATE \"C\" LIMIT ?) x)"
                + " SELECT g.k, g.c, g.p, g.cost, false AS folded FROM g JOIN t ON " + same
                + " UNION ALL SELECT NULL, g.c, g.p, sum(g.cost), true FROM g WHERE NOT EXISTS (SELECT 1 FROM t WHERE " + same + ")"
                + " GROUP BY g.c, g.p");
        sql.params.addAll(grouped.params);
        sql.params.add(limit);
        sql.folds = true;
        return sql;
    }

    /** What a question over rows (or tag sets) {@code r} groups by: its column, the tag's value, or one total. */
    private String groupKey(CostQuery q, List<Object> params, String column) {
        if (q.groupBy() == null) {
            return "'total'";
        }
        if (q.groupBy() == Dimension.TAG) {
            // As the tag rollup groups: a key given with a JSON null is "(none)", a key not given at all "untagged".
            params.add(q.tagKey());
            if (foldTagKeys) {
                return "coalesce((SELECT coalesce(e.value, '" + NONE + "') FROM jsonb_each_text(r.tags) e"
                        + " WHERE lower(e.key) = lower(?) LIMIT 1), '" + UNTAGGED + "')";
            }
            params.add(q.tagKey());
            return "CASE WHEN r.tags -> ? IS NULL THEN '" + UNTAGGED + "' ELSE coalesce(r.tags ->> ?, '" + NONE + "') END";
        }
        return column;
    }

    /** The value of tag ? of row r: keys are stored trimmed; the operator may fold their case. */
    private String tagValue() {
        return foldTagKeys
                ? "(SELECT e.value FROM jsonb_each_text(r.tags) e WHERE lower(e.key) = lower(?) LIMIT 1)"
                : "(r.tags ->> ?)";
    }

    private static String period(CostQuery q, String day) {
        return switch (q.granularity()) {
            case TOTAL -> "NULL::date";
            case DAY -> day;
            case MONTH -> "date_trunc('month', " + day + ")::date";
        };
    }

    private List<CostRow> run(Sql sql, String nullKey) {
        return jdbc.sql(sql.text.toString()).params(sql.params)
                .query((rs, i) -> {
                    Date p = rs.getDate("p");
                    String k = rs.getString("k");
                    boolean folded = sql.folds && rs.getBoolean("folded");
                    return new CostRow(k == null ? nullKey : k, rs.getString("c"), p == null ? null : p.toLocalDate(),
                            rs.getBigDecimal("cost"), folded);
                })
                .list();
    }

    /** What a tenant holds from the sources of one cloud (as configured) in one currency. */
    public record Loaded(String cloud, String currency, long rows, BigDecimal billed) {
    }

    /** Rows and billed cost the tenant holds, per configured cloud and currency, from the monthly rollup. */
    public List<Loaded> loadedByCloud(java.util.UUID tenantId) {
        return jdbc.sql("SELECT s.provider, m.billing_currency, sum(m.row_count), sum(m.billed_cost)"
                        + " FROM cost_monthly m JOIN billing_sources s ON s.tenant_id = m.tenant_id AND s.id = m.source_id"
                        + " WHERE m.tenant_id = ? GROUP BY 1, 2 ORDER BY 1, 2")
                .param(tenantId)
                .query((rs, i) -> new Loaded(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }

    /** Tag keys seen in the range, the most frequent (by rows) first. */
    List<String> tagKeys(java.util.UUID tenantId, LocalDate from, LocalDate to) {
        String key = foldTagKeys ? "lower(tag_key)" : "tag_key";
        Map<String, Long> lines = new HashMap<>();
        jdbc.sql("SELECT " + key + " AS k, sum(row_count) AS n FROM cost_daily_tags WHERE tenant_id = ? AND day >= ? AND day < ? GROUP BY 1")
                .params(tenantId, Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    lines.put(rs.getString("k"), rs.getLong("n"));
                });
        // A key the rollups do not sum per value has no rows there: counted by the lines its loads recorded.
        loads.unsummedTagKeys(tenantId, from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant(),
                foldTagKeys).forEach((k, n) -> lines.merge(k, n, Long::sum));
        return lines.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }
}
