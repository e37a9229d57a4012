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
public class UserRepository {
    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record User(UUID id, String email, String name, String passwordHash, boolean isAdmin) {
    }

    public record Membership(UUID userId, UUID tenantId, String email, String name, Role role, Instant createdAt) {
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    public UUID insert(String email, String name, String passwordHash, boolean isAdmin) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO users (id, email, name, password_hash, is_admin) VALUES (?, ?, ?, ?, ?)")
                .params(id, email, name, passwordHash, isAdmin)
                .update();
        return id;
    }

    public void setPassword(UUID userId, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(passwordHash, userId).update();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT id, email, name, password_hash, is_admin FROM users WHERE lower(email) = lower(?)")
                .param(email)
                .query((rs, i) -> new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                        rs.getString("password_hash"), rs.getBoolean("is_admin")))
                .optional();
    }

    /** @return the membership, or empty when the user already belongs to the tenant */
    public Optional<Membership> addMember(UUID tenantId, UUID userId, Role role) {
        return jdbc.sql("""
                        WITH m AS (
                            INSERT INTO tenant_members (tenant_id, user_id, role) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING RETURNING user_id, tenant_id, role, created_at)
                        SELECT m.user_id, m.tenant_id, m.role, m.created_at, u.email, u.name
                        FROM m JOIN users u ON u.id = m.user_id""")
                .params(tenantId, userId, role.value())
                .query((rs, i) -> toMembership(rs))
                .optional();
    }

    public List<Membership> listMembers(UUID tenantId) {
        return jdbc.sql("""
                        SELECT m.user_id, m.tenant_id, m.role, m.created_at, u.email, u.name
                        FROM tenant_members m JOIN users u ON u.id = m.user_id
                        WHERE m.tenant_id = ? ORDER BY u.email""")
                .param(tenantId)
                .query((rs, i) -> toMembership(rs))
                .list();
    }

    private static Membership toMembership(ResultSet rs) throws SQLException {
        return new Membership(rs.getObject("user_id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("email"), rs.getString("name"), Role.parse(rs.getString("role")),
                Timestamps.toInstant(rs.getTimestamp("created_at")));
    }

    public Optional<Role> roleIn(UUID userId, UUID tenantId) {
        return jdbc.sql("SELECT role FROM tenant_members WHERE user_id = ? AND tenant_id = ?")
                .params(userId, tenantId)
                .query((rs, i) -> Role.parse(rs.getString("role")))
                .optional();
    }
}
