package com.stategraph.billing.notifications;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deliveries are db-scheduler executions, one per attempt (named tenant:delivery:attempt), so a
 * delivery survives a restart and is attempted by one replica; the check for stale sources is a
 * recurring execution, run by one replica at a time.
 */
@Configuration
public class NotificationQueue {
    public static final String DELIVERY_TASK = "notification-delivery";
    public static final String STALE_TASK = "notification-stale-sources";

    static String instanceId(UUID tenantId, UUID deliveryId, int attempt) {
        return tenantId + ":" + deliveryId + ":" + attempt;
    }

    @Bean(DELIVERY_TASK)
    static OneTimeTask<Void> deliveryTask(ObjectProvider<Deliverer> deliverer) {
        return Tasks.oneTime(DELIVERY_TASK)
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    String[] parts = instance.getId().split(":");
                    try {
                        deliverer.getObject().attempt(UUID.fromString(parts[0]), UUID.fromString(parts[1]), Integer.parseInt(parts[2]));
                    } catch (InterruptedException e) {
                        // shutting down: the execution is picked up again by this or another replica
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                });
    }

    @Bean(STALE_TASK)
    static RecurringTask<Void> staleTask(ObjectProvider<StaleSources> stale,
                                         @Value("${stategraph.notifications.stale-check-interval:PT1H}") Duration every) {
        return Tasks.recurring(STALE_TASK, Schedules.fixedDelay(every))
                .execute((instance, context) -> stale.getObject().check());
    }
}
