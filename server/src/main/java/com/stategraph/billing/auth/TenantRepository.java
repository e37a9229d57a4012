package com.stategraph.billing.auth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TenantRepository {
    private final JdbcClient jdbc;

    public TenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Tenant(UUID id, String name) {
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM tenants WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    public Optional<Tenant> find(UUID id) {
        return jdbc.sql("SELECT id, name FROM tenants WHERE id = ?").param(id)
                .query((rs, i) -> new Tenant(rs.getObject("id", UUID.class), rs.getString("name")))
                .optional();
    }

    /** @return the new tenant, or empty when the name is taken */
    public Optional<Tenant> insert(String name) {
        return jdbc.sql("INSERT INTO tenants (id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING RETURNING id, name")
                .params(UUID.randomUUID(), name)
                .query((rs, i) -> new Tenant(rs.getObject("id", UUID.class), rs.getString("name")))
                .optional();
    }

    public List<Tenant> listAll() {
        return jdbc.sql("SELECT id, name FROM tenants ORDER BY name")
                .query((rs, i) -> new Tenant(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    public List<Tenant> listForUser(UUID userId) {
        return jdbc.sql("""
                        SELECT t.id, t.name FROM tenants t JOIN tenant_members m ON m.tenant_id = t.id
                        WHERE m.user_id = ? ORDER BY t.name""")
                .param(userId)
                .query((rs, i) -> new Tenant(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }
}
