package com.stategraph.billing.sync;

import com.stategraph.billing.source.BillingSourceRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** On each tick of the schedule, a sync of every enabled source (one already waiting or running is left as is). */
public class ScheduledSyncs {
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);

    private final BillingSourceRepository sources;
    private final SyncQueue queue;
    private final TransactionTemplate tx;

    ScheduledSyncs(BillingSourceRepository sources, SyncQueue queue, TransactionTemplate tx) {
        this.sources = sources;
        this.queue = queue;
        this.tx = tx;
    }

    public void requestAll() {
        List<BillingSourceRepository.Enabled> due = sources.enabled();
        for (BillingSourceRepository.Enabled d : due) {
            tx.executeWithoutResult(s -> queue.request(d.tenantId(), d.id(), "scheduled", null, "scheduler", false));
        }
        log.info("scheduled sync requested for {} enabled billing sources", due.size());
    }
}
