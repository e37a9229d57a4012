package com.stategraph.billing.auth;

import java.util.UUID;

/**
 * Who made a request. A {@code user} caller acts with its memberships (or everywhere when it is an
 * instance admin); an {@code api} caller is a tenant key with exactly one role in one tenant.
 */
public record Caller(UUID id, String name, String email, boolean isAdmin, Type type, UUID keyTenantId, Role keyRole,
                     TenantStanding standing) {

    /** SYSTEM: the server itself, acting for a tenant's configuration (a state source's sync), recorded as such in the audit log. */
    public enum Type { USER, API, SYSTEM }

    public static Caller user(UUID id, String name, String email, boolean isAdmin) {
        return new Caller(id, name, email, isAdmin, Type.USER, null, null, null);
    }

    public static Caller system(UUID id, String name) {
        return new Caller(id, name, null, false, Type.SYSTEM, null, null, null);
    }

    public static Caller tenantKey(UUID keyId, String name, UUID tenantId, Role role) {
        return new Caller(keyId, name, null, false, Type.API, tenantId, role, null);
    }

    /**
     * What the caller is in the tenant a request names, read in the same statement as the caller
     * (one round trip fewer per tenant-scoped request).
     *
     * @param role the membership's role; null when there is none
     */
    public record TenantStanding(UUID tenantId, boolean tenantExists, Role role) {
    }

    public Caller withStanding(TenantStanding standing) {
        return new Caller(id, name, email, isAdmin, type, keyTenantId, keyRole, standing);
    }

    /** The standing read with the caller, when it was read for {@code tenantId}. */
    public java.util.Optional<TenantStanding> standingIn(UUID tenantId) {
        return standing != null && standing.tenantId().equals(tenantId) ? java.util.Optional.of(standing) : java.util.Optional.empty();
    }
}
