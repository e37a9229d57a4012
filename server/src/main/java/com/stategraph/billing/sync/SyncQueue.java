package com.stategraph.billing.sync;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Requests syncs: a run row (one waiting or running per source, enforced by the database) and a
 * db-scheduler execution for it, written in the caller's transaction so neither exists without
 * the other.
 */
@Component
public class SyncQueue {
    private final SyncRunRepository runs;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> syncTask;
    private final Clock clock;
    private final LocalSchedulerWake wake;

    public SyncQueue(SyncRunRepository runs, SchedulerClient scheduler,
                     @Qualifier(SyncScheduling.SYNC_TASK) OneTimeTask<Void> syncTask, Clock clock, LocalSchedulerWake wake) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.syncTask = syncTask;
        this.clock = clock;
        this.wake = wake;
    }

    /**
     * A sync now. When one is already waiting or running, that run is the answer; a scheduled
     * retry that is waiting out its backoff is moved to now.
     *
     * @param force read every file, unchanged ones too (a run already waiting is forced as well)
     */
    public SyncRun request(UUID tenantId, UUID sourceId, String trigger, LocalDate windowStart, String requestedBy,
                           boolean force) {
        SyncRunRepository.Requested requested = runs.requestRun(tenantId, sourceId, trigger, windowStart, requestedBy, 1, force);
        TaskInstance<Void> instance = syncTask.instance(requested.run().id().toString());
        if (requested.created()) {
            scheduler.scheduleIfNotExists(instance, clock.instant());
            wake.afterCommit();
        } else if (requested.run().status().equals("queued") && !trigger.equals("scheduled")) {
            startWaitingRetryNow(instance);
            wake.afterCommit();
        }
        return requested.run();
    }

    /** A retry waiting out its backoff starts now; one already due or picked by a replica is left alone. */
    private void startWaitingRetryNow(TaskInstance<Void> instance) {
        var execution = scheduler.getScheduledExecution(instance);
        if (execution.isPresent() && !execution.get().isPicked() && execution.get().getExecutionTime().isAfter(clock.instant())) {
            try {
                scheduler.reschedule(instance, clock.instant());
            } catch (RuntimeException pickedMeanwhile) {
                // A replica picked it between the look and the change: it is running now, which is what was asked.
            }
        }
    }

    /** The next attempt of a failed scheduled sync, after {@code delay}. */
    void retry(UUID tenantId, UUID sourceId, int attempt, Duration delay) {
        SyncRunRepository.Requested requested = runs.requestRun(tenantId, sourceId, "scheduled", null, "scheduler", attempt, false);
        if (requested.created()) {
            scheduler.scheduleIfNotExists(syncTask.instance(requested.run().id().toString()), clock.instant().plus(delay));
        }
    }
}
