package com.stategraph.billing.estimates;

import com.stategraph.billing.pricing.PricingService;
import com.stategraph.billing.states.StateRepository;
import com.stategraph.billing.states.StateResourceRepository;
import com.stategraph.billing.states.TerraformState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** Prices every instance of a state from the current price book and keeps the result as a snapshot. */
@Service
public class EstimateCalculator {
    /** Instances written at a time. */
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final StateRepository states;
    private final StateResourceRepository resources;
    private final SnapshotRepository snapshots;
    private final PricingService pricing;
    private final StateUsage usage;
    private final Clock clock;
    private final io.micrometer.core.instrument.Counter ambiguous;

    public EstimateCalculator(JdbcClient jdbc, ObjectMapper json, StateRepository states, StateResourceRepository resources,
                              SnapshotRepository snapshots, PricingService pricing, StateUsage usage, Clock clock,
                              io.micrometer.core.instrument.MeterRegistry meters) {
        this.ambiguous = io.micrometer.core.instrument.Counter.builder("stategraph.estimate.ambiguous.prices")
                .description("Price lookups that matched more than one price: a filter too loose for the loaded book")
                .register(meters);
        this.usage = usage;
        this.jdbc = jdbc;
        this.json = json;
        this.states = states;
        this.resources = resources;
        this.snapshots = snapshots;
        this.pricing = pricing;
        this.clock = clock;
    }

    /**
     * A new snapshot of the state, unless its last one already prices this version of the state
     * from this book (and {@code force} is false). Empty when the state is gone or no book is loaded.
     * One calculation per state at a time (an advisory lock), so two requests never write two snapshots of one version.
     */
    @Transactional
    public Optional<Snapshot> calculate(UUID stateId, boolean force) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("estimate:" + stateId).query().singleRow();
        Optional<TerraformState> found = states.find(stateId);
        Instant bookLoadedAt = pricing.book().loadedAt();
        if (found.isEmpty() || bookLoadedAt == null) {
            return Optional.empty();
        }
        TerraformState state = found.get();
        Optional<Snapshot> latest = snapshots.latest(state.tenantId(), state.id());
        if (!force && latest.isPresent() && !latest.get().removed()
                && Objects.equals(latest.get().stateUpdatedAt(), state.updatedAt())
                && Objects.equals(latest.get().bookLoadedAt(), bookLoadedAt)) {
            return latest;
        }
        UUID snapshotId = UUID.randomUUID();
        // The header goes in first so the instances can reference it; its totals are set once they are known.
        Snapshot empty = new Snapshot(snapshotId, state.tenantId(), state.id(), state.name(), false, clock.instant(), state.updatedAt(),
                bookLoadedAt, BigDecimal.ZERO, 0, 0, 0);
        snapshots.insert(empty);
        Estimator estimator = new Estimator(new PriceLookup(jdbc, json, ambiguous));
        java.util.Map<String, java.util.Map<String, Object>> given = usage.get(state);
        // a first pass for what some resources' pricing reads of others (launch templates, separate node pools)
        Neighbours neighbours = new Neighbours();
        resources.forEach(state.tenantId(), state.id(), neighbours::add);
        List<Estimator.Estimate> pending = new ArrayList<>(BATCH);
        BigDecimal[] monthly = {BigDecimal.ZERO};
        int[] counts = new int[3];
        resources.forEach(state.tenantId(), state.id(), instance -> {
            Estimator.Estimate e = estimator.estimate(new Resource(instance.address(), instance.type(), instance.provider(),
                    instance.region(), instance.tags(), instance.attributes(),
                    StateUsage.forResource(given, instance.address(), instance.type()), neighbours));
            monthly[0] = monthly[0].add(e.monthly());
            counts[0]++;
            if (e.cost().supported()) {
                counts[1]++;
                if (!e.cost().noPrice()) {
                    counts[2]++;
                }
            }
            pending.add(e);
            if (pending.size() == BATCH) {
                snapshots.insertInstances(state.tenantId(), snapshotId, pending);
                pending.clear();
            }
        });
        snapshots.insertInstances(state.tenantId(), snapshotId, pending);
        Snapshot done = new Snapshot(snapshotId, state.tenantId(), state.id(), state.name(), false, empty.calculatedAt(),
                state.updatedAt(), bookLoadedAt, monthly[0], counts[0], counts[1], counts[2]);
        snapshots.updateTotals(done);
        return Optional.of(done);
    }

    /** The state's last snapshot: removed, nothing. Its history keeps what it cost until now. */
    @Transactional
    public void removed(TerraformState state) {
        snapshots.insert(new Snapshot(UUID.randomUUID(), state.tenantId(), state.id(), state.name(), true, clock.instant(),
                state.updatedAt(), pricing.book().loadedAt(), BigDecimal.ZERO, 0, 0, 0));
    }
}
