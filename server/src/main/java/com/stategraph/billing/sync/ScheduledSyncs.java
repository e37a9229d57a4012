package com.stategraph.billing.sync;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** On each tick of the schedule, a sync of every enabled source (one already waiting or running is left as is). */
public class ScheduledSyncs {
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);

    private final JdbcClient jdbc;
    private final SyncQueue queue;
    private final TransactionTemplate tx;

    ScheduledSyncs(JdbcClient jdbc, SyncQueue queue, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.tx = tx;
    }

    public void requestAll() {
        record Due(UUID tenantId, UUID sourceId) {
        }
        var due = jdbc.sql("SELECT tenant_id, id FROM billing_sources WHERE enabled ORDER BY tenant_id, id")
                .query((rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        for (Due d : due) {
            tx.executeWithoutResult(s -> queue.request(d.tenantId(), d.sourceId(), "scheduled", null, "scheduler"));
        }
        log.info("scheduled sync requested for {} enabled billing sources", due.size());
    }
}
