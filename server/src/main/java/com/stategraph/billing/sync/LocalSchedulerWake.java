package com.stategraph.billing.sync;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells this server's scheduler, once the caller's transaction commits, that an execution is due
 * now: a sync someone asked for starts at once instead of at the next poll (2 s by default). Another
 * replica's scheduler finds it at its own next poll, as before, and the run is picked only once.
 * Off ({@code stategraph.sync.start-on-request=false}), a requested sync waits for the poll.
 */
@Component
public class LocalSchedulerWake {
    private final boolean enabled;
    private volatile Scheduler running;

    public LocalSchedulerWake(@Value("${stategraph.sync.start-on-request:true}") boolean enabled) {
        this.enabled = enabled;
    }

    /** The scheduler that runs on this server from now on; null once it stopped. */
    void running(Scheduler scheduler) {
        running = scheduler;
    }

    /** After the caller's transaction commits (at once without one), this server's scheduler looks for due executions. */
    public void afterCommit() {
        if (!enabled) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void wake() {
        Scheduler scheduler = running;
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
