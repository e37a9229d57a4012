package com.stategraph.billing.auth;

import com.stategraph.billing.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {
    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TenantKey(UUID id, UUID tenantId, String name, Role role, String prefix, Instant createdAt) {
    }

    /**
     * Resolves an active key to the caller it stands for, and, when the request names a tenant,
     * the caller's standing there (whether it exists, the user's membership) in the same statement.
     */
    public Optional<Caller> findCaller(String key, Optional<UUID> tenant) {
        if (tenant.isEmpty()) {
            return jdbc.sql("SELECT " + CALLER_COLUMNS + ACTIVE_KEY)
                    .param(ApiKeySecrets.hash(key))
                    .query((rs, i) -> toCaller(rs))
                    .optional();
        }
        UUID tenantId = tenant.get();
        return jdbc.sql("SELECT " + CALLER_COLUMNS + ","
                        + " (SELECT m.role FROM tenant_members m WHERE m.tenant_id = ? AND m.user_id = u.id) AS member_role,"
                        + " EXISTS (SELECT 1 FROM tenants t WHERE t.id = ?) AS tenant_exists"
                        + ACTIVE_KEY)
                .params(tenantId, tenantId, ApiKeySecrets.hash(key))
                .query((rs, i) -> {
                    String role = rs.getString("member_role");
                    return toCaller(rs).withStanding(new Caller.TenantStanding(tenantId, rs.getBoolean("tenant_exists"),
                            role == null ? null : Role.parse(role)));
                })
                .optional();
    }

    private static final String CALLER_COLUMNS = "k.id AS key_id, k.name AS key_name, k.tenant_id, k.role,"
            + " u.id AS user_id, u.name AS user_name, u.email, u.is_admin";
    private static final String ACTIVE_KEY = " FROM api_keys k LEFT JOIN users u ON u.id = k.user_id"
            + " WHERE k.key_hash = ? AND k.revoked_at IS NULL";

    private static Caller toCaller(ResultSet rs) throws SQLException {
        UUID userId = rs.getObject("user_id", UUID.class);
        if (userId != null) {
            return Caller.user(userId, rs.getString("user_name"), rs.getString("email"), rs.getBoolean("is_admin"));
        }
        return Caller.tenantKey(rs.getObject("key_id", UUID.class), rs.getString("key_name"),
                rs.getObject("tenant_id", UUID.class), Role.parse(rs.getString("role")));
    }

    public void insertUserKey(UUID userId, String name, String key) {
        jdbc.sql("INSERT INTO api_keys (id, user_id, name, key_hash, key_prefix) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), userId, name, ApiKeySecrets.hash(key), ApiKeySecrets.displayPrefix(key))
                .update();
    }

    public TenantKey insertTenantKey(UUID tenantId, String name, Role role, String key) {
        return jdbc.sql("""
                        INSERT INTO api_keys (id, tenant_id, name, role, key_hash, key_prefix)
                        VALUES (?, ?, ?, ?, ?, ?)
                        RETURNING id, tenant_id, name, role, key_prefix, created_at""")
                .params(UUID.randomUUID(), tenantId, name, role.value(), ApiKeySecrets.hash(key),
                        ApiKeySecrets.displayPrefix(key))
                .query((rs, i) -> toTenantKey(rs))
                .single();
    }

    public List<TenantKey> listActive(UUID tenantId) {
        return jdbc.sql("""
                        SELECT id, tenant_id, name, role, key_prefix, created_at FROM api_keys
                        WHERE tenant_id = ? AND revoked_at IS NULL ORDER BY created_at, id""")
                .param(tenantId)
                .query((rs, i) -> toTenantKey(rs))
                .list();
    }

    /** @return whether an active key of this tenant was revoked */
    public boolean revoke(UUID tenantId, UUID keyId) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL")
                .params(tenantId, keyId)
                .update() == 1;
    }

    private static TenantKey toTenantKey(ResultSet rs) throws SQLException {
        return new TenantKey(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("name"), Role.parse(rs.getString("role")), rs.getString("key_prefix"),
                Timestamps.toInstant(rs.getTimestamp("created_at")));
    }
}
