package com.stategraph.billing.metrics;

import com.stategraph.billing.db.BackgroundDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What the database says, the same on every replica: each source's last successful sync and its
 * rows per billing period, the price book's age, and each tenant's attribution coverage this month
 * as its last attribution computed it.
 * Read on the background pool every half minute (never at scrape time, so a scrape never waits for
 * the database).
 */
@Component
public class StoreGauges implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StoreGauges.class);

    private final BackgroundDatabase database;
    private final Clock clock;
    private final Duration every;
    private final MultiGauge lastSuccess;
    private final MultiGauge periodRows;
    private final MultiGauge coverage;
    private final AtomicReference<Double> bookAge = new AtomicReference<>(Double.NaN);
    private volatile ScheduledExecutorService refresher;

    StoreGauges(BackgroundDatabase database, MeterRegistry registry, Clock clock,
                @Value("${stategraph.metrics.refresh-interval:PT30S}") Duration every) {
        this.database = database;
        this.clock = clock;
        this.every = every;
        this.lastSuccess = MultiGauge.builder("stategraph.source.last.success.timestamp").baseUnit("seconds")
                .description("When each source last synced successfully (Unix time)").register(registry);
        this.periodRows = MultiGauge.builder("stategraph.source.period.rows").baseUnit("rows")
                .description("Billing rows loaded per source and billing period").register(registry);
        this.coverage = MultiGauge.builder("stategraph.attribution.coverage").baseUnit("ratio")
                .description("Share of this month's billed cost attributed to Terraform-managed resources, per tenant and currency")
                .register(registry);
        Gauge.builder("stategraph.pricing.book.age", bookAge, AtomicReference::get).baseUnit("seconds")
                .description("Seconds since the price book was loaded (NaN without one)").register(registry);
    }

    /** Reads every gauge again. */
    public void refresh() {
        var jdbc = database.jdbc();
        lastSuccess.register(jdbc.sql("SELECT tenant_id::text, id::text, provider, extract(epoch FROM last_synced_at) AS at"
                        + " FROM billing_sources WHERE last_synced_at IS NOT NULL")
                .query((rs, i) -> MultiGauge.Row.of(Tags.of("tenant", rs.getString(1), "source", rs.getString(2), "provider",
                        rs.getString(3)), rs.getDouble("at")))
                .list(), true);
        periodRows.register(jdbc.sql("SELECT l.tenant_id::text, l.source_id::text, s.provider, to_char(l.billing_period, 'YYYY-MM'),"
                        + " sum(l.row_count) FROM billing_loads l JOIN billing_sources s ON s.tenant_id = l.tenant_id AND s.id = l.source_id"
                        + " WHERE l.state = 'current' GROUP BY 1, 2, 3, 4")
                .query((rs, i) -> MultiGauge.Row.of(Tags.of("tenant", rs.getString(1), "source", rs.getString(2), "provider",
                        rs.getString(3), "billing_period", rs.getString(4)), rs.getDouble(5)))
                .list(), true);
        java.sql.Date month = java.sql.Date.valueOf(LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1));
        // From the month summaries each attribution writes (V40; status 0 is attributed), not the resource rollup: summing
        // every tenant's resources took 3 s of the database every refresh at a few tenants of a million resources a month.
        coverage.register(jdbc.sql("SELECT tenant_id::text, billing_currency,"
                        + " sum(billed_cost) FILTER (WHERE status = 0) AS attributed, sum(billed_cost) AS total"
                        + " FROM attribution_month_sums WHERE month = ? GROUP BY 1, 2 HAVING sum(billed_cost) <> 0")
                .param(month)
                .query((rs, i) -> MultiGauge.Row.of(Tags.of("tenant", rs.getString(1), "currency", rs.getString(2)),
                        rs.getBigDecimal("attributed") == null ? 0 : rs.getBigDecimal("attributed")
                                .divide(rs.getBigDecimal("total"), 6, java.math.RoundingMode.HALF_EVEN).doubleValue()))
                .list(), true);
        List<Double> loaded = jdbc.sql("SELECT extract(epoch FROM loaded_at) FROM pricing.books").query(Double.class).list();
        bookAge.set(loaded.isEmpty() ? Double.NaN : clock.millis() / 1000.0 - loaded.get(0));
    }

    @Override
    public void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stategraph-store-gauges");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("cannot read the store's gauges: {}", e.getMessage());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = refresher;
        refresher = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
