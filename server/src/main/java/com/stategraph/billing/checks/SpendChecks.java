package com.stategraph.billing.checks;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.stategraph.billing.attribution.BillingRowsChanged;
import com.stategraph.billing.db.BackgroundDatabase;
import com.stategraph.billing.sync.SyncFinished;
import com.stategraph.billing.sync.SyncListener;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * A tenant's spend is checked again (anomalies, budgets) after each sync that loaded rows and each
 * source removal, as a db-scheduler execution named by the request: it survives a restart and runs
 * on one replica, and a change never waits for a check already running. Each check runs on its own;
 * one that fails is logged and does not stop the others.
 */
@Configuration
public class SpendChecks implements SyncListener {
    public static final String TASK = "spend-checks";
    private static final Logger log = LoggerFactory.getLogger(SpendChecks.class);

    private final Clock clock;
    private final SchedulerClient background;
    private final SchedulerClient api;
    private final OneTimeTask<Void> task;

    SpendChecks(Clock clock, BackgroundDatabase database, @Lazy SchedulerClient api, @Lazy @Qualifier(TASK) OneTimeTask<Void> task) {
        this.clock = clock;
        this.api = api;
        this.task = task;
        this.background = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(database.dataSource()), task).build();
    }

    @Bean(TASK)
    static OneTimeTask<Void> checksTask(ObjectProvider<SpendCheck> checks) {
        return Tasks.oneTime(TASK)
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    UUID tenantId = UUID.fromString(instance.getId().substring(0, 36));
                    checks.orderedStream().forEach(check -> {
                        try {
                            check.check(tenantId);
                        } catch (RuntimeException e) {
                            log.warn("{} failed for tenant {}", check.getClass().getSimpleName(), tenantId, e);
                        }
                    });
                });
    }

    /** On the sync's thread, through the background pool. */
    @Override
    public void finished(SyncFinished run) {
        if (run.ok()) {
            request(background, run.tenantId());
        }
    }

    /** In the caller's transaction: a source's removal and the scan it asks for commit together. */
    @EventListener
    void billingRowsChanged(BillingRowsChanged changed) {
        request(api, changed.tenantId());
    }

    /** In the caller's transaction, like a source's removal. */
    @EventListener
    void wanted(SpendChecksWanted wanted) {
        request(api, wanted.tenantId());
    }

    private void request(SchedulerClient client, UUID tenantId) {
        Instant now = clock.instant();
        client.scheduleIfNotExists(task.instance(tenantId + ":" + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000)), now);
    }
}
