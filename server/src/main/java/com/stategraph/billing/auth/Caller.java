package com.stategraph.billing.auth;

import java.util.UUID;

/**
 * Who made a request. A {@code user} caller acts with its memberships (or everywhere when it is an
 * instance admin); an {@code api} caller is a tenant key with exactly one role in one tenant.
 */
public record Caller(UUID id, String name, String email, boolean isAdmin, Type type, UUID keyTenantId, Role keyRole) {

    /** SYSTEM: the server itself, acting for a tenant's configuration (a state source's sync), recorded as such in the audit log. */
    public enum Type { USER, API, SYSTEM }

    public static Caller user(UUID id, String name, String email, boolean isAdmin) {
        return new Caller(id, name, email, isAdmin, Type.USER, null, null);
    }

    public static Caller system(UUID id, String name) {
        return new Caller(id, name, null, false, Type.SYSTEM, null, null);
    }

    public static Caller tenantKey(UUID keyId, String name, UUID tenantId, Role role) {
        return new Caller(keyId, name, null, false, Type.API, tenantId, role);
    }
}
