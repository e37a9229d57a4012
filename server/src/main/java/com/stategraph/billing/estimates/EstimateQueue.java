package com.stategraph.billing.estimates;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.stategraph.billing.pricing.PriceBookLoaded;
import com.stategraph.billing.states.StateChanged;
import com.stategraph.billing.states.TerraformState;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Estimates are calculated as db-scheduler executions, on whichever replica picks them: one for
 * each version of a state and each price book, named by both, so a change never waits for (or is
 * swallowed by) a calculation of an older version. Each execution prices the state as it is when it runs.
 */
@Configuration
public class EstimateQueue {
    public static final String TASK = "estimate-state";
    private static final String FORCE = ":force:";
    private static final Logger log = LoggerFactory.getLogger(EstimateQueue.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;

    public EstimateQueue(JdbcClient jdbc, Clock clock, @Lazy SchedulerClient scheduler,
                         @Lazy @Qualifier(TASK) OneTimeTask<Void> task) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
        this.task = task;
    }

    @Bean(TASK)
    static OneTimeTask<Void> estimateTask(ObjectProvider<EstimateCalculator> calculator) {
        return Tasks.oneTime(TASK)
                .onDeadExecutionRevive()
                .execute((instance, context) -> calculator.getObject()
                        .calculate(UUID.fromString(instance.getId().substring(0, 36)), instance.getId().contains(FORCE)));
    }

    /** In the push's transaction: the execution exists once the new version does. A removed state gets its last snapshot. */
    @EventListener
    void stateChanged(StateChanged changed) {
        if (changed.removed()) {
            return;
        }
        schedule(changed.state().id() + ":" + micros(changed.state().updatedAt()));
    }

    @EventListener
    void priceBookLoaded(PriceBookLoaded loaded) {
        requestAll(":book:" + micros(loaded.book().loadedAt()));
    }

    /** Catches up at start with what changed while no replica ran, or what a replica left unscheduled when it stopped. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        try {
            int requested = requestOutdated();
            if (requested > 0) {
                log.info("{} state estimates are older than their state or the price book: calculating them again", requested);
            }
        } catch (RuntimeException e) {
            log.warn("cannot look for outdated estimates at start: {}", e.getMessage());
        }
    }

    /** A new calculation of the state now, even if the last one priced this version from this book. */
    public void recalculate(UUID stateId) {
        schedule(stateId + FORCE + UUID.randomUUID());
    }

    /** Every state whose last snapshot is older than its state or the book (a book loaded while this replica was down, say). */
    public int requestOutdated() {
        var ids = jdbc.sql("SELECT t.id FROM terraform_states t CROSS JOIN pricing.books b"
                        + " LEFT JOIN LATERAL (SELECT s.state_updated_at, s.book_loaded_at FROM estimate_snapshots s"
                        + "   WHERE s.tenant_id = t.tenant_id AND s.state_id = t.id ORDER BY s.calculated_at DESC LIMIT 1) last ON true"
                        + " WHERE t.serial >= 0 AND (last.state_updated_at IS DISTINCT FROM t.updated_at"
                        + "   OR last.book_loaded_at IS DISTINCT FROM b.loaded_at)")
                .query(UUID.class).list();
        ids.forEach(id -> schedule(id + ":catch-up"));
        return ids.size();
    }

    private void requestAll(String suffix) {
        jdbc.sql("SELECT id FROM terraform_states WHERE serial >= 0").query(UUID.class).list().forEach(id -> schedule(id + suffix));
    }

    private void schedule(String id) {
        scheduler.scheduleIfNotExists(task.instance(id), clock.instant());
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }
}
