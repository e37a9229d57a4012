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
        return snapshot.execute(s -> {
            jdbc.sql(BillingLoadRepository.LOCK_ROWS).update();
            List<UUID> current = loads.currentChargedIn(tenantId, from, to);
            return current.isEmpty() ? nothing.get() : query.apply(BillingLoadRepository.onlyLoads("r.load_id", current));
        });
    }
}
