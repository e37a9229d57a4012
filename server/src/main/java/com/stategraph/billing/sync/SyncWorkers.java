package com.stategraph.billing.sync;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.stategraph.billing.attribution.AttributionQueue;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.stategraph.billing.source.BillingSourceRepository;
import com.stategraph.billing.storage.ObjectStores;
import com.stategraph.billing.db.BackgroundDatabase;
import com.stategraph.billing.load.BillingLoad;
import com.stategraph.billing.load.ResourceSumBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.util.unit.DataSize;

/**
 * What runs on db-scheduler's threads (the syncs, and the schedule's requests for them) reads and
 * writes through the {@link BackgroundDatabase}, never through the API's pool.
 */
@Configuration
public class SyncWorkers {

    @Bean
    SyncExecutor syncExecutor(BackgroundDatabase background, ObjectStores stores, Clock clock,
                              @Qualifier(SyncScheduling.SYNC_TASK) OneTimeTask<Void> syncTask,
                              @Qualifier(SyncScheduling.SCHEDULE_TASK) RecurringTask<Void> scheduleTask,
                              @Value("${stategraph.sync.max-attempts}") int maxAttempts,
                              @Value("${stategraph.sync.retry-backoff}") Duration retryBackoff,
                              @Value("${stategraph.sync.rollup-flush-keys:200000}") int rollupFlushKeys,
                              @Value("${stategraph.sync.own-table-rows:1000}") int ownTableRows,
                              @Value("${stategraph.sync.own-rollup-rows:100000}") int ownRollupRows,
                              @Value("${stategraph.sync.summed-tag-values:10000}") int summedTagValues,
                              @Value("${stategraph.sync.resource-sum-keys:0}") long resourceSumKeys,
                              @Value("${stategraph.sync.timeout}") Duration timeout,
                              SyncLimits limits, SyncMemory memory,
                              @Qualifier(AttributionQueue.TASK) OneTimeTask<Void> attributionTask,
                              List<SyncListener> others, LocalSchedulerWake wake) {
        SyncRunRepository runs = new SyncRunRepository(background.jdbc(), background.tx());
        // Asked through the background pool too: a sync never waits for the API's connections.
        SchedulerClient attributionClient = SchedulerClient.Builder
                .create(new TransactionAwareDataSourceProxy(background.dataSource()), attributionTask).build();
        return new SyncExecutor(runs, new BillingSourceRepository(background.jdbc()), stores,
                queue(background, runs, syncTask, scheduleTask, clock, wake), background.dataSource(), background.tx(), clock,
                maxAttempts, retryBackoff, new BillingLoad.Settings(rollupFlushKeys, ownTableRows, ownRollupRows, summedTagValues,
                        ResourceSumBudget.of(resourceSumKeys, Runtime.getRuntime().maxMemory())), timeout,
                limits, memory,
                listeners(finished -> {
                    if (finished.ok() && finished.dataChanged()) {
                        // the tenant's billing rows changed: their attribution is computed again
                        AttributionQueue.request(background.jdbc(), attributionClient, attributionTask, clock, finished.tenantId());
                    }
                }, others));
    }

    private static List<SyncListener> listeners(SyncListener first, List<SyncListener> others) {
        List<SyncListener> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(others);
        return all;
    }

    @Bean
    SyncLimits syncLimits(@Value("${stategraph.sync.max-row-group-bytes}") DataSize maxRowGroup,
                          @Value("${stategraph.sync.max-file-bytes}") DataSize maxFileBytes,
                          @Value("${stategraph.sync.max-file-rows}") long maxFileRows,
                          @Value("${stategraph.sync.max-bytes}") DataSize maxSyncBytes,
                          @Value("${stategraph.sync.max-rows}") long maxSyncRows,
                          @Value("${stategraph.sync.max-expansion}") int maxExpansion) {
        return new SyncLimits(maxRowGroup.toBytes(), maxFileBytes.toBytes(), maxFileRows, maxSyncBytes.toBytes(), maxSyncRows,
                maxExpansion);
    }

    /** One budget for all syncs of this server. */
    @Bean
    SyncMemory syncMemory(@Value("${stategraph.sync.memory}") String configured) {
        return SyncMemory.of(configured.isBlank() ? 0 : DataSize.parse(configured).toBytes(), Runtime.getRuntime());
    }

    @Bean
    ScheduledSyncs scheduledSyncs(BackgroundDatabase background, Clock clock,
                                  @Qualifier(SyncScheduling.SYNC_TASK) OneTimeTask<Void> syncTask,
                                  @Qualifier(SyncScheduling.SCHEDULE_TASK) RecurringTask<Void> scheduleTask, LocalSchedulerWake wake) {
        SyncRunRepository runs = new SyncRunRepository(background.jdbc(), background.tx());
        return new ScheduledSyncs(new BillingSourceRepository(background.jdbc()),
                queue(background, runs, syncTask, scheduleTask, clock, wake), background.tx());
    }

    /** Retries and scheduled requests are queued in the background pool's transaction, run row and execution together. */
    private static SyncQueue queue(BackgroundDatabase background, SyncRunRepository runs, OneTimeTask<Void> syncTask,
                                   RecurringTask<Void> scheduleTask, Clock clock, LocalSchedulerWake wake) {
        SchedulerClient client = SchedulerClient.Builder
                .create(new TransactionAwareDataSourceProxy(background.dataSource()), syncTask, scheduleTask).build();
        return new SyncQueue(runs, client, syncTask, clock, wake);
    }
}
