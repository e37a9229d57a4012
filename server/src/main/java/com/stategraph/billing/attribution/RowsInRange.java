package com.stategraph.billing.attribution;

import com.stategraph.billing.load.BillingLoadRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a tenant's billing rows charged in a range: on one snapshot, after the lock that keeps the
 * loads' tables from being dropped meanwhile, with only the current loads that reach into the range
 * named (as a constant, so PostgreSQL reads their tables and no others).
 */
@Component
class RowsInRange {
    private final JdbcClient jdbc;
    private final BillingLoadRepository loads;
    private final TransactionTemplate snapshot;

    RowsInRange(JdbcClient jdbc, BillingLoadRepository loads, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.loads = loads;
        this.snapshot = new TransactionTemplate(tx.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** @param query given the condition on {@code r.load_id} that names the loads to read */
    <T> T read(UUID tenantId, Instant from, Instant to, Function<String, T> query, Supplier<T> nothing) {
        return onSnapshot(() -> within(tenantId, from, to, query, nothing));
    }

    /** Runs {@code reads} on one snapshot, the loads' tables locked against being dropped. */
    <T> T onSnapshot(Supplier<T> reads) {
        return snapshot.execute(s -> {
            jdbc.sql(BillingLoadRepository.LOCK_ROWS).update();
            return reads.get();
        });
    }

    /** Inside {@link #onSnapshot}: {@code query} over the loads charged in the range. */
    <T> T within(UUID tenantId, Instant from, Instant to, Function<String, T> query, Supplier<T> nothing) {
        List<UUID> current = loads.currentChargedIn(tenantId, from, to);
        return current.isEmpty() ? nothing.get() : query.apply(BillingLoadRepository.onlyLoads("r.load_id", current));
    }

    /**
     * Inside {@link #onSnapshot}: whether the month's rollups hold exactly the rows charged in
     * {@code [from, to)} of that month: the range covers the month, or every current load with
     * charges in the month has them inside the range (by the charge range each load recorded).
     */
    boolean monthWhole(UUID tenantId, Instant monthStart, Instant monthEnd, Instant from, Instant to) {
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
