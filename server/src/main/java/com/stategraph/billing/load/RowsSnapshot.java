package com.stategraph.billing.load;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of billing rows on one snapshot (repeatable read, read only), after the lock that keeps the
 * loads' tables from being dropped meanwhile: what was current when the reads began stays readable.
 */
@Component
public class RowsSnapshot {
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    RowsSnapshot(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(tx.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public <T> T read(Supplier<T> reads) {
        return snapshot.execute(s -> {
            jdbc.sql(BillingLoadRepository.LOCK_ROWS).update();
            return reads.get();
        });
    }
}
