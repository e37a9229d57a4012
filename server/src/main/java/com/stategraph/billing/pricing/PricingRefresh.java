package com.stategraph.billing.pricing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The price book the operator keeps at STATEGRAPH_PRICING_SOURCE: loaded once a week by whichever
 * replica db-scheduler picks, and at start when the book loaded last came from elsewhere (or there
 * is none).
 */
@Configuration
public class PricingRefresh {
    public static final String TASK = "pricing-refresh";
    private static final Logger log = LoggerFactory.getLogger(PricingRefresh.class);

    private final String source;

    public PricingRefresh(@Value("${stategraph.pricing.source:}") String source) {
        this.source = source == null ? "" : source.trim();
    }

    @Bean(TASK)
    RecurringTask<Void> pricingRefreshTask(ObjectProvider<PricingService> pricing) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofDays(7))).execute((instance, context) -> {
            if (source.isEmpty()) {
                return;
            }
            try {
                pricing.getObject().loadFrom(source);
            } catch (Exception e) {
                // The old book stays; the next week's run, or a restart, tries again.
                log.error("cannot load the price book from {} (STATEGRAPH_PRICING_SOURCE): {}", source, e.getMessage());
            }
        });
    }

    /** A new or changed STATEGRAPH_PRICING_SOURCE is loaded now rather than in up to a week. */
    @EventListener(ApplicationReadyEvent.class)
    void loadAtStart(ApplicationReadyEvent event) {
        if (source.isEmpty()) {
            return;
        }
        PricingService pricing = event.getApplicationContext().getBean(PricingService.class);
        if (!source.equals(pricing.source())) {
            try {
                event.getApplicationContext().getBean(SchedulerClient.class)
                        .reschedule(TaskInstanceId.of(TASK, RecurringTask.INSTANCE), Instant.now());
            } catch (RuntimeException e) {
                // Another replica is loading it right now, or did: either way the book gets loaded.
                log.info("the price book refresh was not moved to now: {}", e.getMessage());
            }
        }
    }
}
