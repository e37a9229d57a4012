package com.stategraph.billing.source;

import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.domain.NotFoundException;
import com.stategraph.billing.domain.ConflictException;
import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.sync.SyncRun;
import com.stategraph.billing.sync.SyncQueue;
import com.stategraph.billing.sync.SyncRunRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import com.stategraph.billing.load.SourceRowsRemoval;
import org.springframework.transaction.annotation.Transactional;

/** The billing-source control plane: every change is validated, applied and audited in one transaction. */
@Service
public class BillingSourceService {
    static final int DEFAULT_WINDOW_MONTHS = 2;

    private final BillingSourceRepository sources;
    private final SourceRowsRemoval sourceRows;
    private final SyncRunRepository runs;
    private final SyncQueue queue;
    private final SourceValidator validator;
    private final AwsRegionResolver regions;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    public BillingSourceService(BillingSourceRepository sources, SourceRowsRemoval sourceRows, SyncRunRepository runs, SyncQueue queue, SourceValidator validator,
                                AwsRegionResolver regions, AuditLog audit, Clock clock,
                                org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.sources = sources;
        this.sourceRows = sourceRows;
        this.runs = runs;
        this.queue = queue;
        this.validator = validator;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewSource(String provider, String sourceUri, String region, Integer windowMonths, Boolean enabled) {
    }

    public record SourceChanges(Boolean enabled, String region, String sourceUri, Integer windowMonths) {
    }

    public List<BillingSource> list(UUID tenantId) {
        return sources.list(tenantId);
    }

    public BillingSource get(UUID tenantId, UUID id) {
        return sources.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public BillingSource create(Caller caller, UUID tenantId, NewSource req) {
        Provider provider = validator.provider(req.provider());
        validator.sourceUri(tenantId, provider, req.sourceUri());
        String region = blankToNull(req.region());
        validator.region(provider, region);
        int window = req.windowMonths() == null ? DEFAULT_WINDOW_MONTHS : req.windowMonths();
        validator.windowMonths(window);
        if (region == null && provider == Provider.AWS) {
            region = regions.ambientRegion().orElse(null);
        }
        boolean enabled = req.enabled() == null || req.enabled();
        BillingSource created = sources.insert(tenantId, provider, req.sourceUri(), region, window, enabled)
                .orElseThrow(() -> new ConflictException("this tenant already has a " + provider.value()
                        + " billing source for " + req.sourceUri()));
        audit.record(caller, tenantId, "billing_source.create", "billing_source", created.id(), settings(created));
        return created;
    }

    @Transactional
    public BillingSource update(Caller caller, UUID tenantId, UUID id, SourceChanges changes) {
        BillingSource current = sources.findForUpdate(tenantId, id).orElseThrow(() -> notFound(id));
        Provider provider = Provider.parse(current.provider());
        String uri = changes.sourceUri() == null ? current.sourceUri() : changes.sourceUri();
        String region = changes.region() == null ? current.region() : blankToNull(changes.region());
        int window = changes.windowMonths() == null ? current.windowMonths() : changes.windowMonths();
        boolean enabled = changes.enabled() == null ? current.enabled() : changes.enabled();
        // Only what changes is checked: a file:// source stays disable-able after the operator turns file sources off.
        if (changes.sourceUri() != null) {
            validator.sourceUri(tenantId, provider, uri);
        }
        if (changes.region() != null) {
            validator.region(provider, region);
        }
        validator.windowMonths(window);
        if (!uri.equals(current.sourceUri()) && sources.existsOther(tenantId, id, current.provider(), uri)) {
            throw new ConflictException("this tenant already has a " + current.provider() + " billing source for " + uri);
        }
        BillingSource updated = sources.update(new BillingSource(id, tenantId, current.provider(), uri, region, window,
                enabled, current.createdAt(), current.updatedAt(), current.lastStatus(), current.lastError(),
                current.lastSyncedAt(), current.lastRowCount()));
        Map<String, Object> diff = changed(settings(current), settings(updated));
        if (!diff.isEmpty()) {
            audit.record(caller, tenantId, "billing_source.update", "billing_source", id, diff);
        }
        return updated;
    }

    @Transactional
    public void delete(Caller caller, UUID tenantId, UUID id) {
        BillingSource current = sources.findForUpdate(tenantId, id).orElseThrow(() -> notFound(id));
        long rows = sourceRows.delete(tenantId, id);
        sources.delete(tenantId, id);
        Map<String, Object> detail = settings(current);
        detail.put("billing_rows_deleted", rows);
        audit.record(caller, tenantId, "billing_source.delete", "billing_source", id, detail);
        events.publishEvent(new com.stategraph.billing.attribution.BillingRowsChanged(tenantId));
    }

    @Transactional
    public SyncRun requestSync(Caller caller, UUID tenantId, UUID id, LocalDate windowStart, boolean force) {
        get(tenantId, id);
        if (windowStart != null && windowStart.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("INVALID_WINDOW_START", "window_start " + windowStart + " is in the future");
        }
        String trigger = windowStart == null ? "manual" : "backfill";
        SyncRun run = queue.request(tenantId, id, trigger, windowStart, caller.name(), force);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("run_id", run.id());
        detail.put("window_start", windowStart);
        detail.put("force", force);
        audit.record(caller, tenantId, "billing_source.sync", "billing_source", id, detail);
        return run;
    }

    /** The run waiting or running for the source, if any. */
    public Optional<SyncRun> lastFinishedRun(UUID tenantId, UUID id) {
        return runs.lastFinished(tenantId, id);
    }

    public Optional<SyncRun> activeRun(UUID tenantId, UUID id) {
        return runs.active(tenantId, id);
    }

    public List<SyncRun> runs(UUID tenantId, UUID id, int limit) {
        get(tenantId, id);
        return runs.list(tenantId, id, limit);
    }

    private static Map<String, Object> settings(BillingSource s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", s.provider());
        m.put("source_uri", s.sourceUri());
        m.put("region", s.region());
        m.put("window_months", s.windowMonths());
        m.put("enabled", s.enabled());
        return m;
    }

    private static Map<String, Object> changed(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> diff = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                diff.put(k, Map.of("from", String.valueOf(before.get(k)), "to", String.valueOf(v)));
            }
        });
        return diff;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("billing source " + id + " not found");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
