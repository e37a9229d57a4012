package com.stategraph.billing.metrics;

import com.stategraph.billing.sync.SyncFinished;
import com.stategraph.billing.sync.SyncListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * What each replica's syncs did, per source (labels tenant, source, provider): runs by outcome,
 * their duration, and the rows and bytes they read. Counters of one replica; Prometheus sums the
 * replicas.
 */
@Component
class SyncMetrics implements SyncListener {
    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void finished(SyncFinished run) {
        Tags source = Tags.of("tenant", run.tenantId().toString(), "source", run.sourceId().toString(), "provider", run.provider());
        Tags outcome = source.and("outcome", run.status());
        Counter.builder("stategraph.sync.runs").description("Sync runs that ended, by outcome (ok, error)").tags(outcome)
                .register(registry).increment();
        Timer.builder("stategraph.sync.duration").description("How long sync runs took, by outcome").tags(outcome)
                .register(registry).record(run.duration());
        Counter.builder("stategraph.sync.rows").description("Billing rows loaded by successful syncs").tags(source)
                .register(registry).increment(run.rows());
        Counter.builder("stategraph.sync.read").baseUnit("bytes").description("Bytes of export files read by syncs").tags(source)
                .register(registry).increment(run.bytes());
    }
}
