package com.stategraph.billing.costs;

import com.stategraph.billing.load.BillingLoadRepository;
import com.stategraph.billing.source.BillingSource;
import com.stategraph.billing.source.BillingSourceRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The numbers a FinOps engineer looks at first, and whether the data behind them is there. */
@Service
public class CostSummaryService {
    private final ActualsService actuals;
    private final BillingSourceRepository sources;
    private final BillingLoadRepository loads;
    private final Clock clock;

    public CostSummaryService(ActualsService actuals, BillingSourceRepository sources, BillingLoadRepository loads, Clock clock) {
        this.actuals = actuals;
        this.sources = sources;
        this.loads = loads;
        this.clock = clock;
    }

    public CostSummary summary(UUID tenantId, Metric metric) {
        return summary(tenantId, metric, actuals::actuals);
    }

    /** The summary with each range's totals answered by {@code view} (e.g. converted into one currency). */
    public CostSummary summary(UUID tenantId, Metric metric, java.util.function.Function<CostQuery, Actuals> view) {
        LocalDate today = LocalDate.now(clock);
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate previousStart = monthStart.minusMonths(1);
        LocalDate sameDay = previousStart.plusDays(today.getDayOfMonth());
        LocalDate previousSameDaysEnd = sameDay.isAfter(monthStart) ? monthStart : sameDay;
        return new CostSummary(metric.value(),
                range(view, tenantId, metric, monthStart, today.plusDays(1)),
                range(view, tenantId, metric, previousStart, previousSameDaysEnd),
                range(view, tenantId, metric, previousStart, monthStart),
                sources(tenantId));
    }

    private CostSummary.Range range(java.util.function.Function<CostQuery, Actuals> view, UUID tenantId, Metric metric, LocalDate from,
                                    LocalDate to) {
        CostQuery q = new CostQuery(tenantId, from, to, metric, null, null, Granularity.TOTAL, null, null, null, null,
                null, List.of(), null, null, null, null);
        return new CostSummary.Range(from, to, view.apply(q).totals());
    }

    private List<CostSummary.SourcePeriods> sources(UUID tenantId) {
        Map<UUID, CostSummary.SourcePeriods> sources = new LinkedHashMap<>();
        for (BillingSource s : this.sources.list(tenantId)) {
            sources.put(s.id(), new CostSummary.SourcePeriods(s.id(), s.provider(), s.sourceUri(), s.lastSyncedAt(),
                    new ArrayList<>()));
        }
        for (BillingLoadRepository.LoadedPeriod p : loads.current(tenantId)) {
            CostSummary.SourcePeriods s = sources.get(p.sourceId());
            if (s != null) {
                s.periods().add(new CostSummary.Period(p.billingPeriod(), p.rows(), p.activatedAt()));
            }
        }
        return List.copyOf(sources.values());
    }
}
