package com.stategraph.billing.sync;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.stategraph.billing.statesources.StateSourceQueue;
import com.stategraph.billing.db.BackgroundDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Syncs run as db-scheduler executions on the same PostgreSQL: one-time executions for each
 * requested run, and one recurring task that requests a sync of every enabled source on the
 * operator's schedule. db-scheduler decides which replica runs what, keeps a heartbeat, and
 * revives the execution of a replica that died.
 */
@Configuration
public class SyncScheduling {
    public static final String SYNC_TASK = "billing-sync";
    public static final String SCHEDULE_TASK = "billing-sync-schedule";

    @Bean(SYNC_TASK)
    OneTimeTask<Void> syncTask(ObjectProvider<SyncExecutor> executor) {
        return Tasks.oneTime(SYNC_TASK)
                .onDeadExecutionRevive()
                .execute((instance, context) -> executor.getObject().execute(UUID.fromString(instance.getId())));
    }

    @Bean(SCHEDULE_TASK)
    RecurringTask<Void> scheduleTask(@Value("${stategraph.sync.schedule}") String cron,
                                     @Value("${stategraph.sync.timezone}") String zone,
                                     ObjectProvider<ScheduledSyncs> scheduled, ObjectProvider<StateSourceQueue> stateSources) {
        // The operator's schedule is in UTC (or the zone they name), never in the JVM's default zone.
        return Tasks.recurring(SCHEDULE_TASK, Schedules.cron(SyncSchedule.sixFields(cron), SyncSchedule.zone(zone)))
                .execute((instance, context) -> {
                    scheduled.getObject().requestAll();
                    stateSources.getObject().requestAll();
                });
    }

    /** Schedules and reschedules executions; joins the caller's transaction, so a run row and its execution commit together. */
    @Bean
    @DependsOnDatabaseInitialization
    SchedulerClient schedulerClient(DataSource dataSource, List<OneTimeTask<Void>> oneTime, List<RecurringTask<Void>> recurring) {
        List<Task<?>> known = new java.util.ArrayList<>(oneTime);
        known.addAll(recurring);
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), known).build();
    }

    /**
     * Runs due executions while the application runs, polling and beating its heart on the
     * background pool so that API load cannot make it miss a beat. A db-scheduler {@code Scheduler} cannot be
     * started again once stopped (Spring's test context cache pauses and restarts contexts), so
     * each start builds a new one. Every one-time task bean is known to it and every recurring one started.
     */
    @Bean
    @DependsOnDatabaseInitialization
    SmartLifecycle schedulerLifecycle(BackgroundDatabase background, List<OneTimeTask<Void>> oneTime,
                                      List<RecurringTask<Void>> recurring,
                                      @Value("${stategraph.sync.threads}") int threads,
                                      @Value("${stategraph.sync.poll-interval}") Duration pollInterval,
                                      @Value("${stategraph.sync.heartbeat-interval}") Duration heartbeat,
                                      @Value("${stategraph.data-dir}") String dataDir, LocalSchedulerWake wake) {
        return new SmartLifecycle() {
            private volatile Scheduler scheduler;

            @Override
            public void start() {
                SchedulerIdentity.Name name = SchedulerIdentity.claim(java.nio.file.Path.of(dataDir));
                if (name.reclaims()) {
                    // what this server was running when it died is its own: taken up now, not after the heartbeat timeout
                    int reclaimed = background.jdbc().sql("UPDATE scheduled_tasks SET picked = false, picked_by = NULL,"
                            + " last_heartbeat = NULL, version = version + 1 WHERE picked AND picked_by = ?")
                            .param(name.value()).update();
                    if (reclaimed > 0) {
                        org.slf4j.LoggerFactory.getLogger(SyncScheduling.class).info(
                                "took up {} execution(s) this server was running when it stopped, as {}", reclaimed, name.value());
                    }
                }
                scheduler = Scheduler.create(background.dataSource(), new java.util.ArrayList<Task<?>>(oneTime))
                        .startTasks(new java.util.ArrayList<>(recurring))
                        .threads(threads)
                        .pollingInterval(pollInterval)
                        .heartbeatInterval(heartbeat)
                        .missedHeartbeatsLimit(4)
                        .schedulerName(new SchedulerName.Fixed(name.value()))
                        .shutdownMaxWait(Duration.ofSeconds(5))
                        .build();
                scheduler.start();
                wake.running(scheduler);
            }

            @Override
            public void stop() {
                Scheduler running = scheduler;
                scheduler = null;
                wake.running(null);
                if (running != null) {
                    running.stop();
                }
            }

            @Override
            public boolean isRunning() {
                return scheduler != null;
            }
        };
    }
}
