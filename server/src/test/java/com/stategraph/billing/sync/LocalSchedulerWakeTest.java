package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.stategraph.billing.db.BackgroundDatabase;
import com.stategraph.billing.support.SyncServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * An execution scheduled for now in a transaction runs once that transaction commits, not at the
 * scheduler's next poll: here an hour away, so only the wake can start it within the wait.
 */
class LocalSchedulerWakeTest extends SyncServerTest {
    @Autowired
    BackgroundDatabase background;

    @Test
    void anExecutionDueNowRunsWhenItsTransactionCommitsNotAtTheNextPoll() throws Exception {
        // A task of its own: the application's scheduler knows no such task and leaves its executions alone.
        OneTimeTask<Void> task = Tasks.oneTime("wake-test-" + UUID.randomUUID()).execute((instance, context) -> ran.countDown());
        CountDownLatch firstPoll = new CountDownLatch(1);
        Scheduler scheduler = Scheduler.create(background.dataSource(), List.of(task))
                .pollingInterval(Duration.ofHours(1))
                .threads(1)
                .build();
        scheduler.registerSchedulerListener(new AbstractSchedulerListener() {
            @Override
            public void onSchedulerEvent(SchedulerListener.SchedulerEventType type) {
                if (type == SchedulerListener.SchedulerEventType.RAN_EXECUTE_DUE) {
                    firstPoll.countDown();
                }
            }
        });
        LocalSchedulerWake wake = new LocalSchedulerWake(true);
        scheduler.start();
        try {
            wake.running(scheduler);
            assertThat(firstPoll.await(30, TimeUnit.SECONDS)).as("the scheduler's poll at its start, before anything is due").isTrue();
            SchedulerClient client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(background.dataSource()), task).build();
            background.tx().executeWithoutResult(s -> {
                client.scheduleIfNotExists(task.instance("now"), Instant.now());
                wake.afterCommit();
            });
            assertThat(ran.await(30, TimeUnit.SECONDS)).as("the execution ran after its commit, an hour before the next poll").isTrue();
        } finally {
            wake.running(null);
            scheduler.stop();
        }
    }

    private final CountDownLatch ran = new CountDownLatch(1);
}
