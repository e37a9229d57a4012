package com.stategraph.billing.auth;

import com.stategraph.billing.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invitations to tenants, addressed to an email, never to an account: a tenant admin learns nothing
 * of who has an account. Each carries a single-use token, kept only as its hash, that reaches the
 * invitee's mailbox; a signed-in account with that email may accept without it.
 */
@Repository
public class InvitationRepository {
    private final JdbcClient jdbc;

    public InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** As the tenant sees it: the email and the name its admin gave. */
    public record Invited(UUID id, UUID tenantId, String email, String invitedName, Role role, Instant createdAt, Instant expiresAt) {
    }

    /** As the invitee sees it. */
    public record Invitation(UUID id, UUID tenantId, String tenantName, String email, String invitedName, Role role,
                             String invitedBy, Instant expiresAt) {
    }

    /**
     * Invites the email, or renews the open invitation to it (a new token and expiry: the old link
     * stops working). Created and expiring by one clock: the database's own {@code now()} put a new
     * invitation's validity a second over its days now and then, as the API shows them.
     */
    public Invited invite(UUID tenantId, String email, Role role, String invitedName, String invitedBy, String tokenHash,
                          Instant createdAt, Instant expiresAt) {
        return jdbc.sql("""
                        INSERT INTO tenant_invitations (tenant_id, id, email, role, invited_name, invited_by, token_hash, created_at,
                            expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (tenant_id, lower(email)) DO UPDATE SET role = excluded.role, invited_name = excluded.invited_name,
                            invited_by = excluded.invited_by, token_hash = excluded.token_hash, expires_at = excluded.expires_at
                        RETURNING id, tenant_id, email, role, invited_name, created_at, expires_at""")
                .params(tenantId, UUID.randomUUID(), email, role.value(), invitedName, invitedBy, tokenHash, Timestamp.from(createdAt),
                        Timestamp.from(expiresAt))
                .query(InvitationRepository::invited)
                .single();
    }

    /** A new token for an open invitation. @return the invitation, or empty when the tenant has no such open one */
    public Optional<Invited> renewToken(UUID tenantId, UUID invitationId, String tokenHash, Instant expiresAt) {
        return jdbc.sql("""
                        UPDATE tenant_invitations SET token_hash = ?, expires_at = ? WHERE tenant_id = ? AND id = ?
                        RETURNING id, tenant_id, email, role, invited_name, created_at, expires_at""")
                .params(tokenHash, Timestamp.from(expiresAt), tenantId, invitationId)
                .query(InvitationRepository::invited)
                .optional();
    }

    public List<Invited> listForTenant(UUID tenantId) {
        return jdbc.sql("""
                        SELECT id, tenant_id, email, role, invited_name, created_at, expires_at
                        FROM tenant_invitations WHERE tenant_id = ? ORDER BY lower(email)""")
                .param(tenantId)
                .query(InvitationRepository::invited)
                .list();
    }

    private static Invited invited(ResultSet rs, int row) throws SQLException {
        return new Invited(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("email"),
                rs.getString("invited_name"), Role.parse(rs.getString("role")), Timestamps.toInstant(rs.getTimestamp("created_at")),
                Timestamps.toInstant(rs.getTimestamp("expires_at")));
    }

    private static final String AS_INVITEE = """
            SELECT i.id, i.tenant_id, t.name, i.email, i.invited_name, i.role, i.invited_by, i.expires_at
            FROM tenant_invitations i JOIN tenants t ON t.id = i.tenant_id""";

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        return new Invitation(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("name"),
                rs.getString("email"), rs.getString("invited_name"), Role.parse(rs.getString("role")), rs.getString("invited_by"),
                Timestamps.toInstant(rs.getTimestamp("expires_at")));
    }

    /** The open invitations to an email, for the signed-in account that has it. */
    public List<Invitation> openFor(String email, Instant now) {
        return jdbc.sql(AS_INVITEE + " WHERE lower(i.email) = lower(?) AND i.expires_at > ? ORDER BY t.name")
                .params(email, Timestamp.from(now))
                .query(InvitationRepository::invitation)
                .list();
    }

    /** The open invitation a link's token stands for. */
    public Optional<Invitation> byToken(String tokenHash, Instant now) {
        return jdbc.sql(AS_INVITEE + " WHERE i.token_hash = ? AND i.expires_at > ?")
                .params(tokenHash, Timestamp.from(now))
                .query(InvitationRepository::invitation)
                .optional();
    }

    /**
     * Takes an open invitation addressed to the email, so it is used once. @return it, or empty when
     * no such open invitation is addressed to that email
     */
    public Optional<Invitation> take(UUID invitationId, String email, Instant now) {
        Optional<Invitation> open = jdbc.sql(AS_INVITEE + " WHERE i.id = ? AND lower(i.email) = lower(?) AND i.expires_at > ? FOR UPDATE OF i")
                .params(invitationId, email, Timestamp.from(now))
                .query(InvitationRepository::invitation)
                .optional();
        open.ifPresent(i -> jdbc.sql("DELETE FROM tenant_invitations WHERE tenant_id = ? AND id = ?").params(i.tenantId(), i.id()).update());
        return open;
    }

    /** @return whether an invitation to that email was withdrawn */
    public boolean decline(UUID invitationId, String email) {
        return jdbc.sql("DELETE FROM tenant_invitations WHERE id = ? AND lower(email) = lower(?)").params(invitationId, email).update() == 1;
    }
}
