package com.stategraph.billing.attribution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.stategraph.billing.states.StateChanged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant's attribution is computed again after each sync and each state change, as a db-scheduler
 * execution named by the request, so no change waits for (or is swallowed by) a computation already running.
 */
@Configuration
public class AttributionQueue {
    public static final String TASK = "attribution";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;

    public AttributionQueue(JdbcClient jdbc, Clock clock, @Lazy SchedulerClient scheduler, @Lazy @Qualifier(TASK) OneTimeTask<Void> task) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
        this.task = task;
    }

    @Bean(TASK)
    static OneTimeTask<Void> attributionTask(ObjectProvider<AttributionCalculator> calculator) {
        return Tasks.oneTime(TASK)
                .onDeadExecutionRevive()
                .execute((instance, context) -> calculator.getObject().compute(UUID.fromString(instance.getId().substring(0, 36)), false));
    }

    @EventListener
    void stateChanged(StateChanged changed) {
        request(changed.state().tenantId());
    }

    @EventListener
    void billingRowsChanged(BillingRowsChanged changed) {
        request(changed.tenantId());
    }

    /** In the caller's transaction: the request and its execution commit with the change that asked for them. */
    public void request(UUID tenantId) {
        request(jdbc, scheduler, task, clock, tenantId);
    }

    /**
     * A request through the given database and scheduler client: a sync, which runs on the
     * background pool, must not wait for the API's pool to ask for its lines' attribution.
     */
    public static void request(JdbcClient db, SchedulerClient client, OneTimeTask<Void> attributionTask, Clock clock, UUID tenantId) {
        Instant now = clock.instant();
        db.sql("INSERT INTO attribution_runs (tenant_id, requested_at) VALUES (?, ?)"
                        + " ON CONFLICT (tenant_id) DO UPDATE SET requested_at = excluded.requested_at")
                .params(tenantId, Timestamp.from(now)).update();
        client.scheduleIfNotExists(attributionTask.instance(tenantId + ":" + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000)),
                now);
    }
}
