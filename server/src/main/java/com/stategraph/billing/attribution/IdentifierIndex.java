package com.stategraph.billing.attribution;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Every identifier of every managed resource instance of a tenant's states, canonical, to the
 * instance it names. An identifier two instances claim goes to the one whose state name, then
 * address, sorts first: a fixed rule, so the same states always give the same answer.
 */
final class IdentifierIndex {
    record Owner(UUID stateId, String stateName, String address) {
        boolean before(Owner other) {
            int byState = stateName.compareTo(other.stateName);
            return byState != 0 ? byState < 0 : address.compareTo(other.address) < 0;
        }
    }

    private final Map<String, Owner> byId = new HashMap<>();

    void add(String cloudId, Owner owner) {
        String key = CloudIds.canonical(cloudId);
        if (key != null) {
            byId.merge(key, owner, (held, claimant) -> claimant.before(held) ? claimant : held);
        }
    }

    /** The instance a bill's ResourceId names: by its canonical form, else (for an ARN) by its bare id; null when none. */
    Owner match(String resourceId) {
        Owner exact = byId.get(CloudIds.canonical(resourceId));
        if (exact != null) {
            return exact;
        }
        String bare = CloudIds.bare(resourceId);
        return bare == null ? null : byId.get(bare);
    }

    int size() {
        return byId.size();
    }
}
