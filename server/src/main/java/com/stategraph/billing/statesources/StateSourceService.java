package com.stategraph.billing.statesources;

import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.domain.ConflictException;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.domain.NotFoundException;
import com.stategraph.billing.source.AwsRegionResolver;
import com.stategraph.billing.source.Provider;
import com.stategraph.billing.source.SourceValidator;
import com.stategraph.billing.states.StateRepository;
import com.stategraph.billing.states.StateService;
import com.stategraph.billing.storage.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's state sources: created, changed and removed by tenant admins, synced on the schedule and on demand. */
@Service
public class StateSourceService {
    private final StateSourceRepository sources;
    private final StateSourceQueue queue;
    private final SourceValidator validator;
    private final AwsRegionResolver regions;
    private final StateService states;
    private final StateRepository stateRows;
    private final AuditLog audit;

    public StateSourceService(StateSourceRepository sources, StateSourceQueue queue, SourceValidator validator, AwsRegionResolver regions,
                              StateService states, StateRepository stateRows, AuditLog audit) {
        this.sources = sources;
        this.queue = queue;
        this.validator = validator;
        this.regions = regions;
        this.states = states;
        this.stateRows = stateRows;
        this.audit = audit;
    }

    public record Changes(String sourceUri, String region, Boolean enabled) {
    }

    public List<StateSource> list(UUID tenantId) {
        return sources.list(tenantId);
    }

    public StateSource get(UUID tenantId, UUID id) {
        return sources.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public StateSource create(Caller caller, UUID tenantId, Changes req) {
        Location location = validator.stateSourceUri(tenantId, req.sourceUri());
        String region = region(location, req.region(), true);
        StateSource created = sources.insert(tenantId, req.sourceUri(), region, req.enabled() == null || req.enabled())
                .orElseThrow(() -> new ConflictException("this tenant already has a state source for " + req.sourceUri()));
        audit.record(caller, tenantId, "state_source.create", "state_source", created.id(), settings(created));
        return created;
    }

    @Transactional
    public StateSource update(Caller caller, UUID tenantId, UUID id, Changes changes) {
        StateSource current = sources.findForUpdate(tenantId, id).orElseThrow(() -> notFound(id));
        String uri = changes.sourceUri() == null ? current.sourceUri() : changes.sourceUri();
        // Only what changes is checked: a file:// source stays disable-able after the operator turns file sources off.
        Location location = changes.sourceUri() == null ? Location.parse(uri) : validator.stateSourceUri(tenantId, uri);
        String region = changes.region() == null ? current.region() : region(location, changes.region(), false);
        boolean enabled = changes.enabled() == null ? current.enabled() : changes.enabled();
        StateSource updated;
        try {
            updated = sources.update(tenantId, id, uri, region, enabled);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("this tenant already has a state source for " + uri);
        }
        audit.record(caller, tenantId, "state_source.update", "state_source", id, settings(updated));
        return updated;
    }

    /** The source and the states it made (their estimates end with them). */
    @Transactional
    public void delete(Caller caller, UUID tenantId, UUID id) {
        StateSource current = sources.findForUpdate(tenantId, id).orElseThrow(() -> notFound(id));
        int removed = 0;
        for (String name : stateRows.ofSource(tenantId, id).keySet()) {
            var state = stateRows.findByName(tenantId, name);
            if (state.isPresent()) {
                states.delete(caller, state.get());
                removed++;
            }
        }
        sources.delete(tenantId, id);
        Map<String, Object> detail = settings(current);
        detail.put("states_removed", removed);
        audit.record(caller, tenantId, "state_source.delete", "state_source", id, detail);
    }

    @Transactional
    public StateSourceRun requestSync(Caller caller, UUID tenantId, UUID id) {
        get(tenantId, id);
        StateSourceRun run = queue.request(tenantId, id, "manual", caller.name());
        audit.record(caller, tenantId, "state_source.sync", "state_source", id, Map.of("run_id", run.id()));
        return run;
    }

    public List<StateSourceRun> runs(UUID tenantId, UUID id, int limit) {
        get(tenantId, id);
        return sources.runs(tenantId, id, limit);
    }

    /** An s3:// source's region: as given, else the server's ambient region; other stores have none. */
    private String region(Location location, String given, boolean creating) {
        String region = given == null || given.isBlank() ? null : given.trim();
        if (location.scheme() != Location.Scheme.S3) {
            if (region != null) {
                throw new InvalidInputException("INVALID_REGION", "region applies to s3:// state sources only");
            }
            return null;
        }
        validator.region(Provider.AWS, region);
        return region == null && creating ? regions.ambientRegion().orElse(null) : region;
    }

    private static Map<String, Object> settings(StateSource s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_uri", s.sourceUri());
        m.put("region", s.region());
        m.put("enabled", s.enabled());
        return m;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("state source " + id + " not found");
    }
}
