package com.stategraph.billing.costs;

import com.stategraph.billing.db.Timestamps;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The numbers a FinOps engineer looks at first, and whether the data behind them is there. */
@Service
public class CostSummaryService {
    private final ActualsService actuals;
    private final JdbcClient jdbc;
    private final Clock clock;

    public CostSummaryService(ActualsService actuals, JdbcClient jdbc, Clock clock) {
        this.actuals = actuals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CostSummary summary(UUID tenantId, Metric metric) {
        LocalDate today = LocalDate.now(clock);
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate previousStart = monthStart.minusMonths(1);
        LocalDate sameDay = previousStart.plusDays(today.getDayOfMonth());
        LocalDate previousSameDaysEnd = sameDay.isAfter(monthStart) ? monthStart : sameDay;
        return new CostSummary(metric.value(),
                range(tenantId, metric, monthStart, today.plusDays(1)),
                range(tenantId, metric, previousStart, previousSameDaysEnd),
                range(tenantId, metric, previousStart, monthStart),
                sources(tenantId));
    }

    private CostSummary.Range range(UUID tenantId, Metric metric, LocalDate from, LocalDate to) {
        CostQuery q = new CostQuery(tenantId, from, to, metric, null, null, Granularity.TOTAL, null, null, null, null,
                null, List.of(), null, null, null, null);
        return new CostSummary.Range(from, to, actuals.actuals(q).totals());
    }

    private List<CostSummary.SourcePeriods> sources(UUID tenantId) {
        Map<UUID, CostSummary.SourcePeriods> sources = new LinkedHashMap<>();
        jdbc.sql("SELECT id, provider, source_uri, last_synced_at FROM billing_sources WHERE tenant_id = ? ORDER BY created_at, id")
                .param(tenantId)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    sources.put(id, new CostSummary.SourcePeriods(id, rs.getString("provider"), rs.getString("source_uri"),
                            Timestamps.toInstant(rs.getTimestamp("last_synced_at")), new ArrayList<>()));
                });
        jdbc.sql("SELECT source_id, billing_period, row_count, activated_at FROM billing_loads"
                        + " WHERE tenant_id = ? AND state = 'current' AND row_count > 0 ORDER BY source_id, billing_period DESC")
                .param(tenantId)
                .query(rs -> {
                    CostSummary.SourcePeriods s = sources.get(rs.getObject("source_id", UUID.class));
                    if (s != null) {
                        s.periods().add(new CostSummary.Period(rs.getDate("billing_period").toLocalDate(),
                                rs.getLong("row_count"), Timestamps.toInstant(rs.getTimestamp("activated_at"))));
                    }
                });
        return List.copyOf(sources.values());
    }
}
