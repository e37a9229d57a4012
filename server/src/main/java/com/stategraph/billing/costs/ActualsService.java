package com.stategraph.billing.costs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Turns summed cells into a view: groups per currency (never adding two currencies), a complete
 * series per group, the top {@code limit} groups of each currency with the rest as {@code other},
 * and a total per currency.
 */
@Service
public class ActualsService {
    public static final String OTHER = "other";

    private final ActualsRepository repository;

    public ActualsService(ActualsRepository repository) {
        this.repository = repository;
    }

    public Actuals actuals(CostQuery q) {
        List<LocalDate> periods = periods(q);
        Map<String, Map<String, Map<LocalDate, BigDecimal>>> byCurrency = new TreeMap<>();
        Map<String, Map<LocalDate, BigDecimal>> foldedByCurrency = new TreeMap<>();
        for (CostRow row : repository.sums(q)) {
            LocalDate period = row.period() == null ? q.from() : row.period();
            if (row.folded()) {
                foldedByCurrency.computeIfAbsent(row.currency(), c -> new TreeMap<>()).merge(period, row.cost(), BigDecimal::add);
                continue;
            }
            byCurrency.computeIfAbsent(row.currency(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(row.key(), k -> new TreeMap<>())
                    .merge(period, row.cost(), BigDecimal::add);
        }
        List<Actuals.CurrencyTotal> totals = new ArrayList<>();
        List<Actuals.Group> results = new ArrayList<>();
        byCurrency.forEach((currency, groups) -> {
            List<Map.Entry<String, Map<LocalDate, BigDecimal>>> ranked = new ArrayList<>(groups.entrySet());
            ranked.sort(Comparator.comparing((Map.Entry<String, Map<LocalDate, BigDecimal>> e) -> sum(e.getValue())).reversed()
                    .thenComparing(Map.Entry::getKey));
            // What the database already folded (below the limit) is "other" from the start.
            Map<LocalDate, BigDecimal> other = foldedByCurrency.get(currency);
            BigDecimal currencyTotal = other == null ? BigDecimal.ZERO : sum(other);
            for (int i = 0; i < ranked.size(); i++) {
                Map<LocalDate, BigDecimal> series = ranked.get(i).getValue();
                currencyTotal = currencyTotal.add(sum(series));
                if (q.limit() != null && i >= q.limit()) {
                    if (other == null) {
                        other = new TreeMap<>();
                    }
                    for (Map.Entry<LocalDate, BigDecimal> e : series.entrySet()) {
                        other.merge(e.getKey(), e.getValue(), BigDecimal::add);
                    }
                } else {
                    results.add(group(ranked.get(i).getKey(), currency, series, periods));
                }
            }
            if (other != null) {
                results.add(group(OTHER, currency, other, periods));
            }
            totals.add(new Actuals.CurrencyTotal(currency, money(currencyTotal)));
        });
        return new Actuals(q.from(), q.to(), q.metric().value(), q.groupBy() == null ? null : q.groupBy().value(),
                q.granularity().value(), totals, results);
    }

    public List<String> tagKeys(UUID tenantId, LocalDate from, LocalDate to) {
        return repository.tagKeys(tenantId, from, to);
    }

    public static Actuals.Group group(String key, String currency, Map<LocalDate, BigDecimal> series, List<LocalDate> periods) {
        List<Actuals.Point> points = new ArrayList<>(periods.size());
        for (LocalDate p : periods) {
            points.add(new Actuals.Point(p, money(series.getOrDefault(p, BigDecimal.ZERO))));
        }
        return new Actuals.Group(key, currency, money(sum(series)), points);
    }

    /** Every period of the range, so a chart has a point for each day or month, zero where nothing was spent. */
    public static List<LocalDate> periods(CostQuery q) {
        List<LocalDate> periods = new ArrayList<>();
        switch (q.granularity()) {
            case TOTAL -> periods.add(q.from());
            case DAY -> {
                for (LocalDate d = q.from(); d.isBefore(q.to()); d = d.plusDays(1)) {
                    periods.add(d);
                }
            }
            case MONTH -> {
                for (LocalDate m = q.from().withDayOfMonth(1); m.isBefore(q.to()); m = m.plusMonths(1)) {
                    periods.add(m);
                }
            }
        }
        return periods;
    }

    public static BigDecimal sum(Map<LocalDate, BigDecimal> series) {
        return series.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** An exact decimal string without trailing zeros: 12.5, 0, -3.000001. */
    public static String money(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
