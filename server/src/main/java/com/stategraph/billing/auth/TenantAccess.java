package com.stategraph.billing.auth;

import com.stategraph.billing.domain.NotFoundException;
import com.stategraph.billing.domain.ForbiddenException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The one place that decides whether a caller may act in a tenant. */
@Component
public class TenantAccess {
    private final TenantRepository tenants;
    private final UserRepository users;

    public TenantAccess(TenantRepository tenants, UserRepository users) {
        this.tenants = tenants;
        this.users = users;
    }

    public void requireAdmin(Caller caller, UUID tenantId) {
        if (roleOf(caller, tenantId) != Role.ADMIN) {
            throw ForbiddenException.adminRequired();
        }
    }

    /** Any role in the tenant: reading its costs. */
    public void requireMember(Caller caller, UUID tenantId) {
        if (roleOf(caller, tenantId) == null) {
            throw ForbiddenException.memberRequired();
        }
    }

    public void requireInstanceAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ForbiddenException.instanceAdminRequired();
        }
    }

    private Role roleOf(Caller caller, UUID tenantId) {
        if (caller.isAdmin()) {
            // Only an instance admin learns whether a tenant exists; others just get 403.
            boolean exists = caller.standingIn(tenantId).map(Caller.TenantStanding::tenantExists)
                    .orElseGet(() -> tenants.exists(tenantId));
            if (!exists) {
                throw new NotFoundException("tenant " + tenantId + " not found");
            }
            return Role.ADMIN;
        }
        if (caller.type() == Caller.Type.API) {
            return tenantId.equals(caller.keyTenantId()) ? caller.keyRole() : null;
        }
        return caller.standingIn(tenantId).map(s -> java.util.Optional.ofNullable(s.role()))
                .orElseGet(() -> users.roleIn(caller.id(), tenantId)).orElse(null);
    }
}
