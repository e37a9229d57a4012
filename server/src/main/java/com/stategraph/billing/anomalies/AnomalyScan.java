package com.stategraph.billing.anomalies;

import com.stategraph.billing.anomalies.AnomalyStore.SeriesKey;
import com.stategraph.billing.checks.SpendCheck;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a tenant's daily spend against its own history: every (provider, sub account, service)
 * series and every (provider, tag key, tag value) series, in each currency, over the last 90 days
 * each provider has loaded, read from the daily rollups. What it finds replaces what the last scan
 * found in those days, except dismissed anomalies, which stay as they were dismissed.
 */
@Service
public class AnomalyScan implements SpendCheck {
    private static final Logger log = LoggerFactory.getLogger(AnomalyScan.class);
    /** How many of each provider's last days are checked; older days keep what earlier scans found. */
    static final int CHECKED_DAYS = 90;
    /**
     * Values a tag key may have in the days read and still be scanned as tag series. A key with more
     * is an identifier (a name per instance, container or function), not an allocation: each new
     * value would be new spend, and a million of them a million anomalies held and written.
     */
    static final int MAX_TAG_VALUES = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;
    private final AnomalyStore store;
    private final List<AnomalyListener> listeners;
    private final Clock clock;
    private final boolean foldKeys;
    private final com.stategraph.billing.load.BillingLoadRepository loads;

    AnomalyScan(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, AnomalyStore store, List<AnomalyListener> listeners,
                Clock clock, @Value("${stategraph.tags.case-insensitive-keys:false}") boolean foldKeys,
                com.stategraph.billing.load.BillingLoadRepository loads) {
        this.loads = loads;
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.tx = tx;
        this.store = store;
        this.listeners = listeners;
        this.clock = clock;
        this.foldKeys = foldKeys;
    }

    @Override
    public void check(UUID tenantId) {
        scan(tenantId);
    }

    /** What a scan did. */
    public record Outcome(int series, int found, int added, int removed) {
    }

    /** Scans the tenant; one scan per tenant at a time. The new active anomalies are told to the listeners after commit. */
    public Outcome scan(UUID tenantId) {
        List<Anomaly> news = new ArrayList<>();
        Outcome outcome = tx.execute(s -> scan(tenantId, news));
        if (!news.isEmpty()) {
            for (AnomalyListener listener : listeners) {
                try {
                    listener.found(tenantId, List.copyOf(news));
                } catch (RuntimeException e) {
                    log.warn("anomaly listener {} failed for tenant {}", listener.getClass().getSimpleName(), tenantId, e);
                }
            }
        }
        return outcome;
    }

    private Outcome scan(UUID tenantId, List<Anomaly> news) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("anomalies:" + tenantId).query().singleRow();
        Map<String, LocalDate> firstDays = new HashMap<>();
        Map<String, LocalDate> lastDays = new HashMap<>();
        jdbc.sql("SELECT provider, min(day) AS first, max(day) AS last FROM cost_daily WHERE tenant_id = ? GROUP BY provider")
                .param(tenantId).query(rs -> {
                    firstDays.put(rs.getString("provider"), rs.getDate("first").toLocalDate());
                    lastDays.put(rs.getString("provider"), rs.getDate("last").toLocalDate());
                });
        Map<SeriesKey, List<AnomalyDetector.Finding>> found = new HashMap<>();
        int[] series = {0};
        AnomalyDetector.Materiality materiality = store.materiality(tenantId);
        if (!lastDays.isEmpty()) {
            LocalDate readFrom = checkFrom(Collections.min(lastDays.values())).minusDays(AnomalyDetector.PROFILE_DAYS);
            SeriesReader reader = new SeriesReader(firstDays, lastDays, (key, s) -> {
                series[0]++;
                List<AnomalyDetector.Finding> f = AnomalyDetector.findings(s, checkFrom(lastDays.get(key.provider())), materiality);
                if (!f.isEmpty()) {
                    found.put(key, f);
                }
            });
            streaming.query("SELECT 'service', provider, sub_account_id, service_name, NULL, NULL, billing_currency, day,"
                    + " sum(effective_cost) FROM cost_daily WHERE tenant_id = ? AND day >= ?"
                    + " GROUP BY provider, sub_account_id, service_name, billing_currency, day ORDER BY 2, 3, 4, 7, 8",
                    reader, tenantId, Date.valueOf(readFrom));
            reader.flush();
            String key = foldKeys ? "lower(tag_key)" : "tag_key";
            java.util.TreeSet<String> identifiers = new java.util.TreeSet<>(jdbc.sql("SELECT " + key + " FROM cost_daily_tags"
                    + " WHERE tenant_id = ? AND day >= ? GROUP BY 1 HAVING count(DISTINCT tag_value) > " + MAX_TAG_VALUES)
                    .params(tenantId, Date.valueOf(readFrom)).query(String.class).list());
            // A key some load does not sum per value has no values in the rollup there: a series of it would end where it stops.
            identifiers.addAll(loads.unsummedTagKeys(tenantId, readFrom.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    java.time.Instant.parse("9999-01-01T00:00:00Z"), foldKeys).keySet());
            if (!identifiers.isEmpty()) {
                log.info("tenant {}: tag keys of more than {} values, or not summed per value, are not scanned as tag series: {}",
                        tenantId, MAX_TAG_VALUES, identifiers);
            }
            streaming.query("SELECT 'tag', provider, NULL, NULL, " + key + ", tag_value, billing_currency, day,"
                    + " sum(effective_cost) FROM cost_daily_tags WHERE tenant_id = ? AND day >= ? AND NOT (" + key + " = ANY (?))"
                    + " GROUP BY provider, " + key + ", tag_value, billing_currency, day ORDER BY 2, 5, 6, 7, 8",
                    reader, tenantId, Date.valueOf(readFrom), identifiers.toArray(String[]::new));
            reader.flush();
        }
        return write(tenantId, lastDays, found, series[0], news);
    }

    private Outcome write(UUID tenantId, Map<String, LocalDate> lastDays, Map<SeriesKey, List<AnomalyDetector.Finding>> found,
                          int series, List<Anomaly> news) {
        var now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        java.util.Set<UUID> kept = new java.util.HashSet<>();
        int added = 0;
        int count = 0;
        for (var e : found.entrySet()) {
            for (AnomalyDetector.Finding f : e.getValue()) {
                count++;
                AnomalyStore.Written written = store.insertOrUpdate(tenantId, e.getKey(), f, now);
                kept.add(written.id());
                if (written.inserted()) {
                    added++;
                    Anomaly anomaly = new AnomalyStore.Stored(written.id(), f.day(), e.getKey(), f.expected(), f.actual(),
                            f.severity().name(), now, null, null, null).view(today);
                    if (Anomaly.ACTIVE.equals(anomaly.status())) {
                        news.add(anomaly);
                    }
                }
            }
        }
        int removed = 0;
        for (AnomalyStore.Stored old : store.undismissed(tenantId)) {
            LocalDate last = lastDays.get(old.key().provider());
            // a provider no longer loaded has no days to check: what was found in its data is gone with it
            boolean checked = last == null || !old.day().isBefore(checkFrom(last));
            if (checked && !kept.contains(old.id())) {
                store.delete(tenantId, old.id());
                removed++;
            }
        }
        return new Outcome(series, count, added, removed);
    }

    private static LocalDate checkFrom(LocalDate last) {
        return last.minusDays(CHECKED_DAYS - 1L);
    }

    /** Gathers consecutive rows of one series (ordered by key, then day) into its daily costs. */
    private static final class SeriesReader implements org.springframework.jdbc.core.RowCallbackHandler {
        private final Map<String, LocalDate> firstDays;
        private final Map<String, LocalDate> lastDays;
        private final java.util.function.BiConsumer<SeriesKey, AnomalyDetector.Series> done;
        private SeriesKey key;
        private final List<LocalDate> days = new ArrayList<>();
        private final List<BigDecimal> costs = new ArrayList<>();

        SeriesReader(Map<String, LocalDate> firstDays, Map<String, LocalDate> lastDays,
                     java.util.function.BiConsumer<SeriesKey, AnomalyDetector.Series> done) {
            this.firstDays = firstDays;
            this.lastDays = lastDays;
            this.done = done;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            SeriesKey row = new SeriesKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7));
            if (!Objects.equals(row, key)) {
                flush();
                key = row;
            }
            LocalDate day = rs.getDate(8).toLocalDate();
            // each provider's series is read from 56 days before its own first checked day
            if (!day.isBefore(checkFrom(lastDays.get(row.provider())).minusDays(AnomalyDetector.PROFILE_DAYS))) {
                days.add(day);
                costs.add(rs.getBigDecimal(9));
            }
        }

        void flush() {
            if (key != null && !days.isEmpty()) {
                LocalDate first = days.get(0);
                BigDecimal[] daily = new BigDecimal[(int) (lastDays.get(key.provider()).toEpochDay() - first.toEpochDay() + 1)];
                Arrays.fill(daily, BigDecimal.ZERO);
                for (int i = 0; i < days.size(); i++) {
                    int at = (int) (days.get(i).toEpochDay() - first.toEpochDay());
                    daily[at] = daily[at].add(costs.get(i));
                }
                done.accept(key, new AnomalyDetector.Series(first, daily, first.isAfter(firstDays.get(key.provider()))));
            }
            key = null;
            days.clear();
            costs.clear();
        }
    }
}
