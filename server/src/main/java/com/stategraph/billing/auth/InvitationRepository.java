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
import org.springframework.transaction.annotation.Transactional;

/** Pending invitations to tenants: made by a tenant admin, accepted or declined by the user alone. */
@Repository
public class InvitationRepository {
    private final JdbcClient jdbc;

    public InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** As the tenant sees it: the email and the name its admin gave, nothing of the user's own. */
    public record Invited(UUID id, UUID userId, String email, String invitedName, Role role, Instant createdAt) {
    }

    /** As the invited user sees it. */
    public record Invitation(UUID id, UUID tenantId, String tenantName, Role role, String invitedBy, Instant createdAt) {
    }

    /** @return the invitation, or empty when the user is already invited to the tenant */
    public Optional<Invited> invite(UUID tenantId, UUID userId, Role role, String invitedName, String invitedBy) {
        return jdbc.sql("""
                        WITH i AS (
                            INSERT INTO tenant_invitations (tenant_id, user_id, id, role, invited_name, invited_by)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                            RETURNING id, user_id, role, invited_name, created_at)
                        SELECT i.id, i.user_id, u.email, i.role, i.invited_name, i.created_at FROM i JOIN users u ON u.id = i.user_id""")
                .params(tenantId, userId, UUID.randomUUID(), role.value(), invitedName, invitedBy)
                .query(InvitationRepository::invited)
                .optional();
    }

    public List<Invited> listForTenant(UUID tenantId) {
        return jdbc.sql("""
                        SELECT i.id, i.user_id, u.email, i.role, i.invited_name, i.created_at
                        FROM tenant_invitations i JOIN users u ON u.id = i.user_id WHERE i.tenant_id = ? ORDER BY u.email""")
                .param(tenantId)
                .query(InvitationRepository::invited)
                .list();
    }

    private static Invited invited(ResultSet rs, int row) throws SQLException {
        return new Invited(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("email"),
                rs.getString("invited_name"), Role.parse(rs.getString("role")), Timestamps.toInstant(rs.getTimestamp("created_at")));
    }

    public List<Invitation> listForUser(UUID userId) {
        return jdbc.sql("""
                        SELECT i.id, i.tenant_id, t.name, i.role, i.invited_by, i.created_at
                        FROM tenant_invitations i JOIN tenants t ON t.id = i.tenant_id WHERE i.user_id = ? ORDER BY t.name""")
                .param(userId)
                .query((rs, n) -> new Invitation(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getString("name"), Role.parse(rs.getString("role")), rs.getString("invited_by"),
                        Timestamps.toInstant(rs.getTimestamp("created_at"))))
                .list();
    }

    /** The user joins the tenant with the invited role. @return the tenant, or empty when no such invitation is theirs */
    @Transactional
    public Optional<UUID> accept(UUID userId, UUID invitationId) {
        record Taken(UUID tenantId, String role) {
        }
        Optional<Taken> taken = jdbc.sql("DELETE FROM tenant_invitations WHERE id = ? AND user_id = ? RETURNING tenant_id, role")
                .params(invitationId, userId)
                .query((rs, n) -> new Taken(rs.getObject("tenant_id", UUID.class), rs.getString("role")))
                .optional();
        taken.ifPresent(t -> jdbc.sql("INSERT INTO tenant_members (tenant_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(t.tenantId(), userId, t.role()).update());
        return taken.map(Taken::tenantId);
    }

    /** @return whether the user had that invitation */
    public boolean decline(UUID userId, UUID invitationId) {
        return jdbc.sql("DELETE FROM tenant_invitations WHERE id = ? AND user_id = ?").params(invitationId, userId).update() == 1;
    }
}
