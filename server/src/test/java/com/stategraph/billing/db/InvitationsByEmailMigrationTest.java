package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V28 turns pending invitations into invitations to an email, and takes away every password a tenant
 * admin chose when their invitation created the account (the invite and the account were written in
 * one transaction, so their times are equal); every other password and every membership stay.
 */
class InvitationsByEmailMigrationTest {


    @Test
    void pendingInvitationsKeepTheirEmailAndPasswordsATenantAdminChoseAreGone() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "27");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 'b')").param(tenant).update();
            UUID invitedByAdmin = UUID.randomUUID();
            UUID ownAccount = UUID.randomUUID();
            UUID joinedLater = UUID.randomUUID();
            // In one transaction, as the old invitation wrote it: the account, the invitation, the audit entry.
            db.sql("""
                    BEGIN;
                    INSERT INTO users (id, email, name, password_hash) VALUES ('%1$s', 'Victim@Example.com', 'V', '$2a$chosen-by-b');
                    INSERT INTO tenant_invitations (tenant_id, user_id, id, role, invited_name, invited_by)
                        VALUES ('%2$s', '%1$s', gen_random_uuid(), 'member', 'Victim', 'b-admin');
                    INSERT INTO audit_log (tenant_id, actor_type, action, target_type, target_id)
                        VALUES ('%2$s', 'api', 'user.invite', 'user', '%1$s');
                    COMMIT;""".formatted(invitedByAdmin, tenant)).update();
            // An account of its own, invited later by a tenant admin: its password is the person's.
            db.sql("INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, 'own@example.com', 'O', '$2a$own',"
                    + " now() - interval '1 day')").param(ownAccount).update();
            db.sql("INSERT INTO tenant_invitations (tenant_id, user_id, id, role, invited_name) VALUES (?, ?, gen_random_uuid(), 'admin', 'Own')")
                    .params(tenant, ownAccount).update();
            db.sql("INSERT INTO audit_log (tenant_id, actor_type, action, target_type, target_id) VALUES (?, 'api', 'user.invite', 'user', ?)")
                    .params(tenant, ownAccount).update();
            // An account a tenant admin created that has since joined: its membership stays, its password goes.
            db.sql("""
                    BEGIN;
                    INSERT INTO users (id, email, name, password_hash) VALUES ('%1$s', 'joined@example.com', 'J', '$2a$chosen-too');
                    INSERT INTO audit_log (tenant_id, actor_type, action, target_type, target_id)
                        VALUES ('%2$s', 'api', 'user.invite', 'user', '%1$s');
                    INSERT INTO tenant_members (tenant_id, user_id, role) VALUES ('%2$s', '%1$s', 'member');
                    COMMIT;""".formatted(joinedLater, tenant)).update();

            Migrations.upTo(ds, "28");

            assertThat(db.sql("SELECT password_hash FROM users WHERE id = ?").param(invitedByAdmin).query(String.class).optional())
                    .as("the password tenant B chose").isEmpty();
            assertThat(db.sql("SELECT password_hash FROM users WHERE id = ?").param(joinedLater).query(String.class).optional())
                    .isEmpty();
            assertThat(db.sql("SELECT password_hash FROM users WHERE id = ?").param(ownAccount).query(String.class).single())
                    .isEqualTo("$2a$own");
            assertThat(db.sql("SELECT count(*) FROM tenant_members WHERE user_id = ?").param(joinedLater).query(Long.class).single())
                    .isEqualTo(1);
            assertThat(db.sql("SELECT email || ':' || role FROM tenant_invitations WHERE tenant_id = ? ORDER BY email")
                    .param(tenant).query(String.class).list()).containsExactly("Victim@Example.com:member", "own@example.com:admin");
            assertThat(db.sql("SELECT count(*) FROM tenant_invitations WHERE token_hash IS NULL AND expires_at > now()")
                    .query(Long.class).single()).as("no token yet, open for 7 days").isEqualTo(2);
        }
    }
}
