package com.stategraph.billing.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.stategraph.billing.db.BackgroundDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import tools.jackson.databind.ObjectMapper;

/**
 * The notification tables and the delivery queue through the background pool, for what runs on
 * db-scheduler's threads (syncs, deliveries, the stale check): a delivery row and its execution are
 * written in one transaction of that pool.
 */
@Component
class BackgroundNotifications {
    final NotificationStore store;
    final BackgroundDatabase database;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;
    private final Clock clock;

    BackgroundNotifications(BackgroundDatabase database, ObjectMapper json, Clock clock,
                            @Qualifier(NotificationQueue.DELIVERY_TASK) OneTimeTask<Void> task) {
        this.database = database;
        this.store = new NotificationStore(database.jdbc(), json);
        this.clock = clock;
        this.task = task;
        this.scheduler = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(database.dataSource()), task).build();
    }

    /** A delivery of {@code event} to every channel of the tenant that takes it; in the caller's background transaction. */
    int notifyChannels(NotificationEvent event) {
        int sent = 0;
        for (UUID channel : store.subscribed(event.tenantId(), event.event())) {
            store.enqueue(scheduler, task, event.tenantId(), channel, event, clock.instant());
            sent++;
        }
        return sent;
    }

    void scheduleAttempt(UUID tenantId, UUID deliveryId, int attempt, Instant at) {
        scheduler.scheduleIfNotExists(task.instance(NotificationQueue.instanceId(tenantId, deliveryId, attempt)), at);
    }

    Instant now() {
        return clock.instant();
    }
}
