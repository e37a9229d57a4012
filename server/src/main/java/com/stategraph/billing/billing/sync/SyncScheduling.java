package com.stategraph.billing.billing.sync;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
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
                                     ObjectProvider<ScheduledSyncs> scheduled) {
        return Tasks.recurring(SCHEDULE_TASK, Schedules.cron(SyncSchedule.sixFields(cron)))
                .execute((instance, context) -> scheduled.getObject().requestAll());
    }

    @Bean(destroyMethod = "")
    @DependsOnDatabaseInitialization
    Scheduler scheduler(DataSource dataSource, OneTimeTask<Void> syncTask, RecurringTask<Void> scheduleTask,
                        @Value("${stategraph.sync.threads}") int threads,
                        @Value("${stategraph.sync.poll-interval}") Duration pollInterval,
                        @Value("${stategraph.sync.heartbeat-interval}") Duration heartbeat) {
        // Scheduling joins the caller's transaction, so a run row and its execution commit together.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), java.util.List.of(syncTask))
                .startTasks(scheduleTask)
                .threads(threads)
                .pollingInterval(pollInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .schedulerName(new SchedulerName.Fixed(processName()))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
