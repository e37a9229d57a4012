package com.stategraph.billing.attribution;

import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.MonthlyConversion;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.states.TerraformState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * A month's estimate next to what was really spent, like with like: only the days in which an
 * estimate was in force and billing data exists count, on both sides. Each state's span starts on
 * the later of the month's first day and the day of its first snapshot, and every span ends on the
 * earlier of the month's last day and the tenant's last day with billing data. The estimate is each
 * snapshot in force for its hours of the span, at its monthly cost / 730 an hour; the actual is the
 * effective cost of the lines attributed to the resource on the span's days, in USD.
 */
@Service
public class EstimateComparison {
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AttributedDays days;
    private final Clock clock;

    EstimateComparison(JdbcClient jdbc, ObjectMapper json, AttributedDays days, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.days = days;
        this.clock = clock;
    }

    /** The tenant's month, grouped by state, resource type or a tag's values; other currencies converted by {@code intoUsd} when given. */
    public Compared.Comparison tenant(UUID tenantId, String month, Compared.Grouping grouping,
                                      Function<YearMonth, MonthlyConversion> intoUsd) {
        return tenant(tenantId, month, List.of(grouping), intoUsd).get(0);
    }

    /** The tenant's month grouped several ways from one read of its estimates and attributed spend. */
    public List<Compared.Comparison> tenant(UUID tenantId, String month, List<Compared.Grouping> groupings,
                                            Function<YearMonth, MonthlyConversion> intoUsd) {
        Read read = read(tenantId, null, month(month), intoUsd);
        return Compared.eachGrouping(groupings, (by, tagKey, key) -> answer(read, false, by, tagKey, key));
    }

    /** One state's month, per resource address. */
    public Compared.Comparison state(TerraformState state, String month) {
        return answer(read(state.tenantId(), state.id(), month(month), null), true, "resource", null, r -> r.address);
    }

    /** What was read of a month: its span and each resource with its estimate and actual over its own span. */
    private record Read(YearMonth month, LocalDate spanStart, LocalDate spanEnd, String note, Map<String, Compared.Item> items,
                        List<String> otherCurrencies) {
    }

    private Read read(UUID tenantId, UUID stateId, YearMonth month, Function<YearMonth, MonthlyConversion> intoUsd) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate monthLast = month.atEndOfMonth();
        LocalDate lastBilled = jdbc.sql("SELECT max(day) FROM cost_daily WHERE tenant_id = ? AND day BETWEEN ? AND ?")
                .params(tenantId, java.sql.Date.valueOf(month.atDay(1)), java.sql.Date.valueOf(monthLast.isBefore(today) ? monthLast : today))
                .query(java.sql.Date.class).optional().map(java.sql.Date::toLocalDate).orElse(null);
        // Each state's first day: the day of its first snapshot, or the month's first day if it was estimated before.
        Map<UUID, LocalDate> starts = new HashMap<>();
        jdbc.sql("SELECT state_id, min(calculated_at) AS first FROM estimate_snapshots WHERE tenant_id = ?"
                        + " AND (?::uuid IS NULL OR state_id = ?) GROUP BY state_id")
                .params(tenantId, stateId, stateId)
                .query(rs -> {
                    LocalDate first = rs.getTimestamp("first").toInstant().atZone(ZoneOffset.UTC).toLocalDate();
                    starts.put(rs.getObject("state_id", UUID.class), first.isBefore(month.atDay(1)) ? month.atDay(1) : first);
                });
        LocalDate spanStart = starts.values().stream().min(LocalDate::compareTo).orElse(null);
        Map<String, Compared.Item> items = new TreeMap<>();
        List<String> other = new ArrayList<>();
        String note = null;
        if (spanStart == null) {
            note = "no estimate of " + month + ": push a state to compare";
        } else if (lastBilled == null || lastBilled.isBefore(spanStart)) {
            note = "no overlap: the estimate begins " + spanStart + (lastBilled == null ? ", and " + month + " has no billing data"
                    : ", and " + month + "'s billing data ends " + lastBilled) + "; try basis=run_rate";
            // The resources are listed, each with nothing to compare.
            Compared.currentEstimates(jdbc, json, tenantId, stateId, items);
            items.values().forEach(r -> r.estimated = BigDecimal.ZERO);
        } else {
            estimates(tenantId, stateId, starts, lastBilled, items);
            actuals(tenantId, stateId, starts, lastBilled, items, other, intoUsd);
        }
        LocalDate spanEnd = note == null ? lastBilled : null;
        return new Read(month, note == null ? spanStart : null, spanEnd, note, items, other);
    }

    /** Each snapshot for its hours inside its state's span. */
    private void estimates(UUID tenantId, UUID stateId, Map<UUID, LocalDate> starts, LocalDate last, Map<String, Compared.Item> items) {
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Map.Entry<UUID, LocalDate> state : starts.entrySet()) {
            if (state.getValue().isAfter(last)) {
                continue;
            }
            Instant start = state.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
            jdbc.sql("""
                            WITH snaps AS (
                              SELECT s.id, s.state_name, s.removed,
                                     CASE WHEN lag(s.id) OVER w IS NULL THEN :start ELSE greatest(s.calculated_at, :start) END AS f,
                                     least(coalesce(lead(s.calculated_at) OVER w, :end), :end) AS t
                              FROM estimate_snapshots s WHERE s.tenant_id = :tenant AND s.state_id = :state AND s.calculated_at < :end
                              WINDOW w AS (ORDER BY s.calculated_at, s.id))
                            SELECT sn.state_name, i.address, i.type, i.tags::text AS tags, bool_or(i.supported) AS supported,
                                   sum(i.monthly_cost * extract(epoch FROM sn.t - sn.f)) AS cost_seconds,
                                   sum(extract(epoch FROM sn.t - sn.f)) AS seconds
                            FROM snaps sn JOIN estimate_instances i ON i.tenant_id = :tenant AND i.snapshot_id = sn.id
                            WHERE sn.t > sn.f AND NOT sn.removed GROUP BY 1, 2, 3, 4""")
                    .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("tenant", tenantId)
                    .param("state", state.getKey())
                    .query(rs -> {
                        Compared.Item r = items.computeIfAbsent(state.getKey() + " " + rs.getString("address"), k -> new Compared.Item());
                        r.stateName = rs.getString("state_name");
                        r.address = rs.getString("address");
                        r.type = rs.getString("type");
                        r.tags = Compared.tags(json, rs.getString("tags"));
                        r.hasEstimate = rs.getBoolean("supported");
                        // monthly cost x hours / 730, the hours counted in seconds
                        r.estimated = r.estimated.add(rs.getBigDecimal("cost_seconds")
                                .divide(Compared.HOURS_A_MONTH.multiply(BigDecimal.valueOf(3600)), 10, RoundingMode.HALF_EVEN));
                    });
        }
    }

    /** The attributed lines of each resource on the days of its state's span. */
    private void actuals(UUID tenantId, UUID stateId, Map<UUID, LocalDate> starts, LocalDate last, Map<String, Compared.Item> items,
                         List<String> other, Function<YearMonth, MonthlyConversion> intoUsd) {
        LocalDate first = starts.values().stream().min(LocalDate::compareTo).orElseThrow();
        days.read(tenantId, stateId, first, last, intoUsd, other, d -> {
            LocalDate start = starts.get(d.stateId());
            if (start != null && !d.day().isBefore(start)) {
                AttributedDays.add(items, d); // days before the state had an estimate are not compared
            }
        });
    }

    private static Compared.Comparison answer(Read read, boolean perResource, String groupBy, String tagKey,
                                              Function<Compared.Item, String> key) {
        Compared.Grouped grouped = Compared.group(read.items().values(), perResource, key);
        long spanDays = read.spanStart() == null ? 0 : read.spanEnd().toEpochDay() - read.spanStart().toEpochDay() + 1;
        Compared.Basis basis = new Span(spanDays);
        List<String> other = read.otherCurrencies().stream().sorted().toList();
        return new Compared.Comparison("month", "effective", "USD", groupBy, tagKey, null, read.month().toString(), read.spanStart(),
                read.spanEnd(), read.note(), Compared.row("total", grouped.total(), basis), grouped.rows(basis),
                grouped.spendWithoutEstimate(), grouped.estimateWithoutSpend(), other);
    }

    /** The span's estimate against the span's actual; a monthly figure for the 1 USD rule from the span's length. */
    private record Span(long days) implements Compared.Basis {
        @Override
        public String whyNot() {
            return days == 0 ? "no day of the month has both an estimate and billing data" : null;
        }

        @Override
        public BigDecimal estimate(Compared.Item g) {
            return g.estimated;
        }

        @Override
        public BigDecimal monthlyEstimate(Compared.Item g) {
            return days == 0 ? BigDecimal.ZERO : g.estimated.multiply(Compared.HOURS_A_MONTH)
                    .divide(BigDecimal.valueOf(24 * days), 10, RoundingMode.HALF_EVEN);
        }

        @Override
        public BigDecimal actual(Compared.Item g) {
            return g.actual;
        }

        @Override
        public Compared.Row row(String key, Compared.Item g, String estimate, String actual, String difference, String percent,
                                String why) {
            return new Compared.Row(key, null, g.hasEstimate ? estimate : null, ActualsService.money(g.actual), g.days.size(), null,
                    difference, percent, why == null, why, g.lines);
        }
    }

    private YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("INVALID_PARAMETER", "month '" + text + "' is not of the form YYYY-MM");
        }
    }
}
