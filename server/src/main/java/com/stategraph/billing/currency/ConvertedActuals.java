package com.stategraph.billing.currency;

import com.stategraph.billing.costs.Actuals;
import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.Granularity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * A cost view in one currency: the view asked per month (or day) in the currencies billed, each
 * amount converted at its month's rate, groups of the same key summed across currencies and ranked
 * again; each group keeps what it cost in each original currency.
 */
@Service
public class ConvertedActuals {
    /** Enough groups per currency that ranking again after conversion rarely moves a group across the limit. */
    private static final int RANKED = 1000;

    private final ActualsService actuals;
    private final ExchangeRates rates;

    ConvertedActuals(ActualsService actuals, ExchangeRates rates) {
        this.actuals = actuals;
        this.rates = rates;
    }

    public Actuals actuals(CostQuery q, String target) {
        ExchangeRates.currency("currency", target);
        Granularity fine = q.granularity() == Granularity.TOTAL ? Granularity.MONTH : q.granularity();
        CostQuery monthly = new CostQuery(q.tenantId(), q.from(), q.to(), q.metric(), q.groupBy(), q.tagKey(), fine, q.provider(),
                q.service(), q.subAccount(), q.region(), q.sourceId(), q.tags(), q.limit() == null ? null : Math.max(q.limit(), RANKED),
                q.hostProvider(), q.publisher(), q.invoiceIssuer());
        Actuals billed = actuals.actuals(monthly);
        Converter converter = rates.converter(billed.totals().stream().map(Actuals.CurrencyTotal::currency).toList(), target,
                YearMonth.from(q.from()), YearMonth.from(q.to().minusDays(1)));
        Map<String, Map<LocalDate, BigDecimal>> series = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> original = new LinkedHashMap<>();
        for (Actuals.Group g : billed.results()) {
            Map<LocalDate, BigDecimal> into = series.computeIfAbsent(g.key(), k -> new TreeMap<>());
            for (Actuals.Point p : g.series()) {
                BigDecimal cost = new BigDecimal(p.cost());
                if (cost.signum() != 0) {
                    LocalDate period = q.granularity() == Granularity.TOTAL ? q.from() : p.period();
                    into.merge(period, converter.convert(cost, g.currency(), YearMonth.from(p.period())), BigDecimal::add);
                }
            }
            original.computeIfAbsent(g.key(), k -> new TreeMap<>()).merge(g.currency(), new BigDecimal(g.cost()), BigDecimal::add);
        }
        List<String> ranked = new ArrayList<>(series.keySet());
        ranked.remove(ActualsService.OTHER);
        ranked.sort(Comparator.comparing((String k) -> ActualsService.sum(series.get(k))).reversed().thenComparing(k -> k));
        List<LocalDate> periods = ActualsService.periods(q);
        List<Actuals.Group> results = new ArrayList<>();
        Map<LocalDate, BigDecimal> other = series.containsKey(ActualsService.OTHER) ? new TreeMap<>(series.get(ActualsService.OTHER)) : null;
        Map<String, BigDecimal> otherOriginal = original.containsKey(ActualsService.OTHER)
                ? new TreeMap<>(original.get(ActualsService.OTHER)) : null;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < ranked.size(); i++) {
            String key = ranked.get(i);
            total = total.add(ActualsService.sum(series.get(key)));
            if (q.limit() != null && i >= q.limit()) {
                other = other == null ? new TreeMap<>() : other;
                otherOriginal = otherOriginal == null ? new TreeMap<>() : otherOriginal;
                for (var e : series.get(key).entrySet()) {
                    other.merge(e.getKey(), e.getValue(), BigDecimal::add);
                }
                for (var e : original.get(key).entrySet()) {
                    otherOriginal.merge(e.getKey(), e.getValue(), BigDecimal::add);
                }
            } else {
                results.add(withOriginal(ActualsService.group(key, target, series.get(key), periods), original.get(key)));
            }
        }
        if (other != null) {
            total = total.add(ActualsService.sum(other));
            results.add(withOriginal(ActualsService.group(ActualsService.OTHER, target, other, periods), otherOriginal));
        }
        List<Actuals.CurrencyTotal> totals = billed.totals().isEmpty() ? List.of()
                : List.of(new Actuals.CurrencyTotal(target, ActualsService.money(total)));
        return new Actuals(q.from(), q.to(), q.metric().value(), q.groupBy() == null ? null : q.groupBy().value(), q.granularity().value(),
                totals, results, converter.applied());
    }

    private static Actuals.Group withOriginal(Actuals.Group g, Map<String, BigDecimal> original) {
        List<Actuals.CurrencyTotal> costs = new ArrayList<>();
        original.forEach((currency, cost) -> costs.add(new Actuals.CurrencyTotal(currency, ActualsService.money(cost))));
        return new Actuals.Group(g.key(), g.currency(), g.cost(), g.series(), costs);
    }
}
