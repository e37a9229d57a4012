package com.stategraph.billing.api;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.domain.ForbiddenException;
import com.stategraph.billing.states.StateService;
import com.stategraph.billing.states.TerraformState;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The /api/v1/states/{id} paths name no tenant: a state is found by id, then shown only to members of its tenant. */
@Component
class ReadableStates {
    private final StateService states;
    private final TenantAccess access;

    ReadableStates(StateService states, TenantAccess access) {
        this.states = states;
        this.access = access;
    }

    /** The state, if the caller may read its tenant; otherwise, as if it did not exist. */
    TerraformState get(Caller caller, UUID id) {
        TerraformState state = states.get(id);
        try {
            access.requireMember(caller, state.tenantId());
        } catch (ForbiddenException e) {
            throw StateService.notFound(id);
        }
        return state;
    }
}
