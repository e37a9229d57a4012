package com.stategraph.billing.statesources;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * State source syncs run as db-scheduler executions named by their run, like billing syncs: a run
 * row and its execution are written in one transaction, and one run waits or runs per source.
 */
@Configuration
public class StateSourceQueue {
    public static final String TASK = "state-source-sync";
    private static final Logger log = LoggerFactory.getLogger(StateSourceQueue.class);

    private final StateSourceRepository sources;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;
    private final Clock clock;
    private final TransactionTemplate tx;

    public StateSourceQueue(StateSourceRepository sources, @Lazy SchedulerClient scheduler, @Lazy @Qualifier(TASK) OneTimeTask<Void> task,
                            Clock clock, TransactionTemplate tx) {
        this.sources = sources;
        this.scheduler = scheduler;
        this.task = task;
        this.clock = clock;
        this.tx = tx;
    }

    @Bean(TASK)
    static OneTimeTask<Void> stateSourceSyncTask(ObjectProvider<StateSourceSync> sync) {
        return Tasks.oneTime(TASK)
                .onDeadExecutionRevive()
                .execute((instance, context) -> sync.getObject().execute(UUID.fromString(instance.getId())));
    }

    /** A sync now, in the caller's transaction; the waiting or running one when there is one. */
    StateSourceRun request(UUID tenantId, UUID sourceId, String trigger, String requestedBy) {
        Optional<StateSourceRun> created = sources.insertRun(tenantId, sourceId, trigger, requestedBy);
        if (created.isPresent()) {
            scheduler.scheduleIfNotExists(task.instance(created.get().id().toString()), clock.instant());
            return created.get();
        }
        return sources.activeRun(tenantId, sourceId).orElseThrow();
    }

    /** On the billing sync schedule: a sync of every enabled state source. */
    public void requestAll() {
        var due = sources.enabled();
        for (StateSource s : due) {
            tx.executeWithoutResult(t -> request(s.tenantId(), s.id(), "scheduled", "scheduler"));
        }
        log.info("scheduled sync requested for {} enabled state sources", due.size());
    }
}
