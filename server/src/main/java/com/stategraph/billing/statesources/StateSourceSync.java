package com.stategraph.billing.statesources;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.domain.DomainException;
import com.stategraph.billing.states.StateRepository;
import com.stategraph.billing.states.StateService;
import com.stategraph.billing.states.TerraformState;
import com.stategraph.billing.storage.Location;
import com.stategraph.billing.storage.ObjectStore;
import com.stategraph.billing.storage.ObjectStores;
import com.stategraph.billing.storage.StoredObject;
import com.stategraph.billing.sync.SyncErrors;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Runs one sync of a state source: lists the objects its URI matches, pushes each changed one as
 * the state named by its key (each in its own transaction, streamed), and removes the states whose
 * object is gone. An object that cannot be read as a state is a warning; the others still sync.
 */
@Service
public class StateSourceSync {
    private static final Logger log = LoggerFactory.getLogger(StateSourceSync.class);
    private static final Pattern NOT_IN_NAMES = Pattern.compile("[^A-Za-z0-9._/-]");
    private static final int MAX_NAME = 200;
    private static final int MAX_WARNINGS = 100;

    private final StateSourceRepository sources;
    private final StateService states;
    private final StateRepository stateRows;
    private final ObjectStores stores;
    private final long maxStateBytes;

    public StateSourceSync(StateSourceRepository sources, StateService states, StateRepository stateRows, ObjectStores stores,
                           @Value("${stategraph.states.max-body:256MB}") DataSize maxStateBytes) {
        this.sources = sources;
        this.states = states;
        this.stateRows = stateRows;
        this.stores = stores;
        this.maxStateBytes = maxStateBytes.toBytes();
    }

    /** What a sync did; {@code error} is null when it finished. */
    public record Outcome(int objects, int pushed, int unchanged, int removed, String error, List<String> warnings) {
    }

    public void execute(UUID runId) {
        UUID[] owner = sources.runOwner(runId).orElse(null);
        if (owner == null) {
            return; // the source was deleted while its run waited
        }
        UUID tenantId = owner[0];
        UUID sourceId = owner[1];
        StateSource source = sources.find(tenantId, sourceId).orElse(null);
        if (source == null) {
            return;
        }
        sources.started(tenantId, runId, sourceId);
        Outcome outcome;
        try {
            outcome = sync(source);
        } catch (RuntimeException e) {
            log.warn("state source {} of tenant {}: {}", source.id(), tenantId, SyncErrors.describe(e));
            outcome = new Outcome(0, 0, 0, 0, SyncErrors.describe(e), List.of());
        }
        sources.finished(tenantId, runId, sourceId, outcome);
    }

    private Outcome sync(StateSource source) {
        Location location = Location.parse(source.sourceUri());
        Predicate<String> matches = location.matcher();
        Caller caller = Caller.system(source.id(), "state source " + source.sourceUri());
        Map<String, StateRepository.Origin> known = stateRows.ofSource(source.tenantId(), source.id());
        Set<String> seen = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        int[] counts = new int[3];
        try (ObjectStore store = stores.open(location, source.region(), source.tenantId());
             Stream<StoredObject> listing = store.list(location, location.fixedPrefix())) {
            listing.filter(o -> matches.test(o.key())).forEach(o -> {
                counts[0]++;
                String uri = location.uriOf(o.key());
                String name = nameOf(location, o.key());
                if (name.length() > MAX_NAME) {
                    warn(warnings, uri + ": the key is longer than a state name may be (" + MAX_NAME + " characters)");
                    return;
                }
                if (!seen.add(name)) {
                    warn(warnings, uri + ": another object of this source is already the state " + name);
                    return;
                }
                if (o.size() > maxStateBytes) {
                    warn(warnings, uri + ": " + o.size() + " bytes, larger than STATEGRAPH_STATES_MAX_BODY (" + maxStateBytes + ")");
                    return;
                }
                String version = o.size() + "@" + (o.lastModified() == null ? "" : o.lastModified().toEpochMilli());
                StateRepository.Origin before = known.get(name);
                if (before != null && version.equals(before.version())) {
                    counts[2]++;
                    return;
                }
                try (InputStream in = store.open(location, o.key())) {
                    // The backend is where the state lives: what it holds now replaces what was read before, whatever
                    // its lineage or serial (a workspace recreated, a state restored), as Terraform itself would read it.
                    states.push(caller, source.tenantId(), name, in, uri, new StateRepository.Origin(source.id(), version), true);
                    counts[1]++;
                } catch (DomainException e) {
                    warn(warnings, uri + ": " + e.code() + ": " + e.getMessage());
                } catch (java.io.IOException | RuntimeException e) {
                    warn(warnings, uri + ": " + SyncErrors.describe(e));
                }
            });
        }
        int removed = 0;
        for (String name : known.keySet()) {
            if (!seen.contains(name)) {
                TerraformState gone = stateRows.findByName(source.tenantId(), name).orElse(null);
                if (gone != null) {
                    states.delete(caller, gone);
                    removed++;
                }
            }
        }
        return new Outcome(counts[0], counts[1], counts[2], removed, null, warnings);
    }

    /** The state's name: the object's key (a file's path without its leading /), other characters as _. */
    static String nameOf(Location location, String key) {
        String name = location.scheme() == Location.Scheme.FILE && key.startsWith("/") ? key.substring(1) : key;
        return NOT_IN_NAMES.matcher(name).replaceAll("_");
    }

    private static void warn(List<String> warnings, String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else if (warnings.size() == MAX_WARNINGS) {
            warnings.add("(more warnings left out)");
        }
    }
}
