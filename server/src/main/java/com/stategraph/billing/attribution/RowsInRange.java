package com.stategraph.billing.attribution;

import com.stategraph.billing.load.BillingLoadRepository;
import com.stategraph.billing.load.RowsSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's billing rows charged in a range: on one snapshot, after the lock that keeps the
 * loads' tables from being dropped meanwhile, with only the current loads that reach into the range
 * named (as a constant, so PostgreSQL reads their tables and no others).
 */
@Component
class RowsInRange {
    private final JdbcClient jdbc;
    private final BillingLoadRepository loads;
    private final RowsSnapshot snapshot;

    RowsInRange(JdbcClient jdbc, BillingLoadRepository loads, RowsSnapshot snapshot) {
        this.jdbc = jdbc;
        this.loads = loads;
        this.snapshot = snapshot;
    }

    /** Runs {@code reads} on one snapshot, the loads' tables locked against being dropped. */
    <T> T onSnapshot(Supplier<T> reads) {
        return snapshot.read(reads);
    }

    /** A range cut into the months the rollups hold whole and the edges that are read from the billing rows. */
    record Parts(List<java.sql.Date> wholeMonths, List<Edge> edges) {
    }

    /** The part of a range inside one month that cuts its charges, with the condition naming the loads charged in it. */
    record Edge(Instant from, Instant to, String onlyLoads) {
    }

    /** Inside {@link #onSnapshot}: {@code [from, to)} by month. */
    Parts parts(UUID tenantId, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<java.sql.Date> whole = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to.minusDays(1)); m = m.plusMonths(1)) {
            Instant monthStart = m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant monthEnd = m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (monthWhole(tenantId, monthStart, monthEnd, start, end)) {
                whole.add(java.sql.Date.valueOf(m.atDay(1)));
            } else {
                edge(tenantId, m, start, end).ifPresent(edges::add);
            }
        }
        return new Parts(whole, edges);
    }

    /** Inside {@link #onSnapshot}: {@code [from, to)} cut by month, every piece read from the billing rows (no rollup has days by resource). */
    List<Edge> byMonth(UUID tenantId, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Edge> edges = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to.minusDays(1)); m = m.plusMonths(1)) {
            edge(tenantId, m, start, end).ifPresent(edges::add);
        }
        return edges;
    }

    /** The part of {@code [start, end)} in month {@code m}, naming the current loads charged in it; empty when none is. */
    private java.util.Optional<Edge> edge(UUID tenantId, YearMonth m, Instant start, Instant end) {
        Instant monthStart = m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant monthEnd = m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant edgeFrom = start.isAfter(monthStart) ? start : monthStart;
        Instant edgeTo = end.isBefore(monthEnd) ? end : monthEnd;
        List<UUID> current = loads.currentChargedIn(tenantId, edgeFrom, edgeTo);
        return current.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new Edge(edgeFrom, edgeTo, BillingLoadRepository.onlyLoads("r.load_id", current)));
    }

    /**
     * Inside {@link #onSnapshot}: whether the month's rollups hold exactly the rows charged in
     * {@code [from, to)} of that month: the range covers the month, or every current load with
     * charges in the month has them inside the range (by the charge range each load recorded).
     */
    private boolean monthWhole(UUID tenantId, Instant monthStart, Instant monthEnd, Instant from, Instant to) {
        if (!from.isAfter(monthStart) && !to.isBefore(monthEnd)) {
            return true;
        }
        return jdbc.sql("SELECT count(*) = 0 FROM billing_loads WHERE tenant_id = ? AND state = 'current' AND row_count > 0"
                        + " AND (first_charge IS NULL OR (first_charge < ? AND last_charge >= ?))"
                        + " AND (first_charge IS NULL OR greatest(first_charge, ?) < ? OR least(last_charge, ?) >= ?)")
                .params(tenantId, java.sql.Timestamp.from(monthEnd), java.sql.Timestamp.from(monthStart),
                        java.sql.Timestamp.from(monthStart), java.sql.Timestamp.from(from),
                        java.sql.Timestamp.from(monthEnd.minusNanos(1000)), java.sql.Timestamp.from(to))
                .query(Boolean.class).single();
    }
}
