package com.stategraph.billing.attribution;

import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.MonthlyConversion;
import com.stategraph.billing.domain.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Estimate against run rate, what works the day a state is pushed: each resource's current monthly
 * estimate next to its attributed effective cost over the last N complete UTC days that have billing
 * data for the tenant, scaled to a month by the days it was billed (x 730 / (24 x billed days)). A
 * resource billed for 3 of the 30 days is judged on those 3, not diluted by the 27 before it existed;
 * a group's run rate is the sum of its resources'.
 */
@Service
public class RunRateComparison {
    public static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 90;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AttributedDays days;
    private final Clock clock;

    RunRateComparison(JdbcClient jdbc, ObjectMapper json, AttributedDays days, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.days = days;
        this.clock = clock;
    }

    /** The window: N days ending at the last complete UTC day with billing data. */
    record Window(LocalDate first, LocalDate last) {
    }

    public Compared.Comparison tenant(UUID tenantId, Integer days, Compared.Grouping grouping,
                                      Function<YearMonth, MonthlyConversion> intoUsd) {
        return tenant(tenantId, days, List.of(grouping), intoUsd).get(0);
    }

    /** The tenant's resources grouped several ways from one read. */
    public List<Compared.Comparison> tenant(UUID tenantId, Integer days, List<Compared.Grouping> groupings,
                                            Function<YearMonth, MonthlyConversion> intoUsd) {
        Read read = read(tenantId, null, days(days), intoUsd);
        return Compared.eachGrouping(groupings, (by, tagKey, key) -> answer(read, false, by, tagKey, key));
    }

    public Compared.Comparison state(UUID tenantId, UUID stateId, Integer days) {
        return answer(read(tenantId, stateId, days(days), null), true, "resource", null, r -> r.address);
    }

    private static int days(Integer days) {
        int n = days == null ? DEFAULT_DAYS : days;
        if (n < 1 || n > MAX_DAYS) {
            throw new InvalidInputException("INVALID_PARAMETER", "days is 1 to " + MAX_DAYS + ", got " + n);
        }
        return n;
    }

    /** What was read: the window (null without billing data) and each resource's estimate and actuals in it. */
    private record Read(int days, Window window, Map<String, Compared.Item> items, List<String> otherCurrencies) {
    }

    private Read read(UUID tenantId, UUID stateId, int windowDays, Function<YearMonth, MonthlyConversion> intoUsd) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate lastBilled = jdbc.sql("SELECT max(day) FROM cost_daily WHERE tenant_id = ? AND day < ?")
                .params(tenantId, java.sql.Date.valueOf(today)).query(java.sql.Date.class).optional().map(java.sql.Date::toLocalDate)
                .orElse(null);
        Map<String, Compared.Item> items = new TreeMap<>();
        Compared.currentEstimates(jdbc, json, tenantId, stateId, items);
        List<String> other = new ArrayList<>();
        Window window = lastBilled == null ? null : new Window(lastBilled.minusDays(windowDays - 1L), lastBilled);
        if (window != null) {
            days.read(tenantId, stateId, window.first(), window.last(), intoUsd, other, d -> AttributedDays.add(items, d));
        }
        // Each resource judged on the days it was billed; a group's run rate is the sum of its resources'.
        items.values().forEach(r -> r.runRate = r.days.isEmpty() ? BigDecimal.ZERO : r.actual.multiply(Compared.HOURS_A_MONTH)
                .divide(BigDecimal.valueOf(24L * r.days.size()), 10, RoundingMode.HALF_EVEN));
        return new Read(windowDays, window, items, other.stream().sorted().toList());
    }

    private static Compared.Comparison answer(Read read, boolean perResource, String groupBy, String tagKey,
                                              Function<Compared.Item, String> key) {
        Compared.Grouped grouped = Compared.group(read.items().values(), perResource, key);
        Compared.Basis basis = new RunRate();
        Window window = read.window();
        String note = window == null ? "no complete day of billing data yet: nothing to compare the estimate with" : null;
        return new Compared.Comparison("run_rate", "effective", "USD", groupBy, tagKey, read.days(), null,
                window == null ? null : window.first(), window == null ? null : window.last(), note,
                Compared.row("total", grouped.total(), basis), grouped.rows(basis), grouped.spendWithoutEstimate(),
                grouped.estimateWithoutSpend(), read.otherCurrencies());
    }

    /** Monthly estimate against the actual cost scaled to a month by the days it was billed. */
    private static final class RunRate implements Compared.Basis {
        @Override
        public BigDecimal estimate(Compared.Item g) {
            return g.estimated;
        }

        @Override
        public BigDecimal monthlyEstimate(Compared.Item g) {
            return g.estimated;
        }

        @Override
        public BigDecimal actual(Compared.Item g) {
            return g.runRate;
        }

        @Override
        public Compared.Row row(String key, Compared.Item g, String estimate, String runRate, String difference, String percent,
                                String why) {
            return new Compared.Row(key, g.hasEstimate ? estimate : null, null, ActualsService.money(g.actual), g.days.size(),
                    runRate, difference, percent, why == null, why, g.lines);
        }
    }
}
