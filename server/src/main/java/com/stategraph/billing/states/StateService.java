package com.stategraph.billing.states;

import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.domain.ConflictException;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.domain.NotFoundException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Terraform states: pushed whole, replaced whole, never by an older one of the same lineage. */
@Service
public class StateService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/-]{1,200}");
    /** Instances written to the database at a time while a state is read. */
    private static final int BATCH = 500;

    private final StateRepository states;
    private final StateResourceRepository resources;
    private final AuditLog audit;
    private final StateReader reader;
    private final ApplicationEventPublisher events;

    public StateService(StateRepository states, StateResourceRepository resources, AuditLog audit, ApplicationEventPublisher events,
                        @Value("${stategraph.pricing.default-region:us-east-1}") String defaultAwsRegion, AttributesRead read) {
        this.states = states;
        this.resources = resources;
        this.audit = audit;
        this.events = events;
        this.reader = new StateReader(defaultAwsRegion, read);
    }

    /** @param created whether the state is new (else it replaced the one of that name) */
    public record Pushed(TerraformState state, boolean created) {
    }

    public static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("INVALID_NAME", "a state name is 1 to 200 characters of A-Z a-z 0-9 . _ / -");
        }
    }

    /**
     * Reads the state from {@code body} as a stream and makes it the tenant's state of that name, in
     * one transaction: readers see the old resources or the new. A state of another lineage than the
     * stored one (LINEAGE_MISMATCH), or of the stored lineage with a lower serial (STALE_STATE), is
     * refused and nothing changes, unless {@code force}, as Terraform's own {@code -force}.
     */
    @Transactional
    public Pushed push(Caller caller, UUID tenantId, String name, InputStream body, String source, boolean force) {
        return push(caller, tenantId, name, body, source, new StateRepository.Origin(null, null), force);
    }

    /**
     * A push by a state source: {@code origin} names the source and the version of the object read.
     * A state belongs to where it came from: a source never replaces a pushed state or another
     * source's, and a push never replaces a source's state (STATE_NAME_TAKEN).
     */
    @Transactional
    public Pushed push(Caller caller, UUID tenantId, String name, InputStream body, String source, StateRepository.Origin origin,
                       boolean force) {
        validateName(name);
        boolean created = states.insertIfAbsent(tenantId, name, source).isPresent();
        TerraformState before = states.lockByName(tenantId, name).orElseThrow();
        UUID owner = states.origin(tenantId, before.id()).sourceId();
        if (!created && !Objects.equals(owner, origin.sourceId())) {
            throw new ConflictException("STATE_NAME_TAKEN", owner == null
                    ? "a state named " + name + " was pushed to this tenant; a state source does not replace it"
                    : "the state " + name + " is synced from state source " + owner + "; push it under another name");
        }
        resources.deleteOfState(tenantId, before.id());
        List<ResourceInstance> pending = new ArrayList<>(BATCH);
        int[] count = {0};
        StateReader.Header header;
        try {
            header = reader.read(body, instance -> {
                pending.add(instance);
                count[0]++;
                if (pending.size() == BATCH) {
                    resources.insert(tenantId, before.id(), pending);
                    pending.clear();
                }
            });
            resources.insert(tenantId, before.id(), pending);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("INVALID_STATE", "the state holds two resource instances with the same address");
        }
        if (!created && !force && before.lineage() != null && !before.lineage().equals(header.lineage())) {
            throw new ConflictException("LINEAGE_MISMATCH", "state " + name + " is of lineage " + before.lineage() + "; this one is of"
                    + " lineage " + header.lineage() + ", another state's history. Push with force=true (Terraform's -force) to"
                    + " replace it anyway");
        }
        if (!created && !force && before.lineage() != null && before.lineage().equals(header.lineage())
                && header.serial() < before.serial()) {
            throw new ConflictException("STALE_STATE", "state " + name + " is at serial " + before.serial() + " of lineage "
                    + before.lineage() + "; this one is serial " + header.serial() + ", older: it would undo later changes");
        }
        TerraformState saved = states.update(tenantId, before.id(), header, count[0], source);
        states.setOrigin(tenantId, saved.id(), origin);
        audit.record(caller, tenantId, created ? "state.create" : "state.replace", "state", saved.id(),
                Map.of("name", name, "serial", saved.serial(), "resource_count", saved.resourceCount()));
        events.publishEvent(new StateChanged(saved, false));
        return new Pushed(saved, created);
    }

    public List<TerraformState> list(UUID tenantId) {
        return states.list(tenantId);
    }

    /** A state by id; the caller's access to its tenant is for the caller to check. */
    public TerraformState get(UUID id) {
        return states.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public void delete(Caller caller, TerraformState state) {
        if (!states.delete(state.tenantId(), state.id())) {
            throw notFound(state.id());
        }
        audit.record(caller, state.tenantId(), "state.delete", "state", state.id(), Map.of("name", state.name()));
        events.publishEvent(new StateChanged(state, true));
    }

    public List<StateResourceRepository.Listed> resources(TerraformState state, String after, int limit) {
        return resources.page(state.tenantId(), state.id(), after, limit);
    }

    public static NotFoundException notFound(UUID id) {
        return new NotFoundException("state " + Objects.toString(id) + " not found");
    }
}
