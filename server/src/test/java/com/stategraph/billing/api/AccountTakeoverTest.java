package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ConsoleForms;
import com.stategraph.billing.support.Mailbox;
import com.stategraph.billing.support.SyncServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The two ways one tenant's admin took over an account another tenant trusts, end to end through the
 * API, the console and the invitee's mailbox (a real SMTP server on loopback). Tenant B's admin is
 * the attacker; A is the victim tenant.
 */
class AccountTakeoverTest extends SyncServerTest {

    private String base() {
        return "http://localhost:" + port;
    }

    private String tenantAdminKey(String tenant) {
        return api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "admin", "role", "admin")).text("key");
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@victim.example.com";
    }

    @Test
    void aTenantAdminCannotChooseThePasswordOfAnAccountTheInstanceAdminLaterAddsToAnotherTenant() throws Exception {
        String tenantA = newTenant();
        String tenantB = newTenant();
        String bAdmin = tenantAdminKey(tenantB);
        String victim = email("victim");

        var withPassword = api.post(bAdmin, "/api/v1/tenants/" + tenantB + "/users", Map.of("email", victim, "name", "Victim",
                "role", "member", "password", "chosen by tenant B"));
        assertThat(withPassword.status()).as(withPassword.raw()).isEqualTo(400);
        var invited = api.post(bAdmin, "/api/v1/tenants/" + tenantB + "/users", Map.of("email", victim, "name", "Victim",
                "role", "member"));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.body().path("invitation_sent").asBoolean()).isTrue();
        String link = Mailbox.invitationLink(MAIL, victim);
        assertThat(invited.raw()).as("the token reaches the invitee's mailbox alone")
                .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?)").param(victim).query(Long.class).single())
                .as("the invitation made no account").isZero();
        assertThat(ConsoleForms.signIn(base(), victim, "chosen by tenant B", Map.of()).location())
                .as("no account to sign in to").endsWith("/login?error");

        // The instance admin adds the same person to A: a new account with the instance admin's password.
        var added = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenantA + "/users", Map.of("email", victim, "name", "Victim",
                "role", "member", "password", "given by the instance admin"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);

        ConsoleForms.SignIn attacker = ConsoleForms.signIn(base(), victim, "chosen by tenant B", Map.of());
        assertThat(attacker.location()).as("tenant B's password").endsWith("/login?error");
        assertThat(ConsoleForms.get(base() + "/console/t/" + tenantA + "/spend", attacker.sessionCookie()).statusCode())
                .as("tenant B cannot read A's spend").isEqualTo(302);
        ConsoleForms.SignIn owner = ConsoleForms.signIn(base(), victim, "given by the instance admin", Map.of());
        assertThat(owner.location()).endsWith("/console");
        assertThat(ConsoleForms.get(base() + "/console/t/" + tenantA + "/spend", owner.sessionCookie()).statusCode()).isEqualTo(200);

        // The victim's own mailed link to B no longer sets a password: the account has one.
        var overwrite = ConsoleForms.submit(base() + "/login", link, Map.of("password", "chosen by tenant B",
                "password_again", "chosen by tenant B"), null);
        assertThat(overwrite.statusCode()).isEqualTo(400);
        assertThat(ConsoleForms.signIn(base(), victim, "chosen by tenant B", Map.of()).location()).endsWith("/login?error");
    }

    @Test
    void anAccountTenantBPreparedCannotAcceptTenantAsInvitation() throws Exception {
        String tenantA = newTenant();
        String tenantB = newTenant();
        String aAdmin = tenantAdminKey(tenantA);
        String bAdmin = tenantAdminKey(tenantB);
        String victim = email("admin-to-be");

        // B tries to pre-register the email: no account comes of it, whatever B sends.
        assertThat(api.post(bAdmin, "/api/v1/tenants/" + tenantB + "/users", Map.of("email", victim, "name", "Prepared",
                "role", "member", "password", "chosen by tenant B")).status()).isEqualTo(400);
        assertThat(api.post(bAdmin, "/api/v1/tenants/" + tenantB + "/users", Map.of("email", victim, "name", "Prepared",
                "role", "member")).status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?)").param(victim).query(Long.class).single())
                .isZero();

        // A's admin invites the same email as admin.
        var invitedToA = api.post(aAdmin, "/api/v1/tenants/" + tenantA + "/users", Map.of("email", victim, "name", "New Admin",
                "role", "admin"));
        assertThat(invitedToA.status()).as(invitedToA.raw()).isEqualTo(201);
        String invitationToA = invitedToA.text("id");

        // B's own signed-in account cannot see or accept A's invitation in the console.
        String bPerson = email("b-admin");
        assertThat(api.post(ADMIN_KEY, "/api/v1/tenants/" + tenantB + "/users", Map.of("email", bPerson, "name", "B Admin",
                "role", "admin", "password", "b admin's own password")).status()).isEqualTo(201);
        ConsoleForms.SignIn b = ConsoleForms.signIn(base(), bPerson, "b admin's own password", Map.of());
        assertThat(b.location()).endsWith("/console");
        assertThat(ConsoleForms.get(base() + "/console/invitations", b.sessionCookie()).body()).doesNotContain(invitationToA);
        var accepted = ConsoleForms.submit(base() + "/console/invitations", base() + "/console/invitations/" + invitationToA + "/accept",
                Map.of(), b.sessionCookie());
        assertThat(accepted.headers().firstValue("Location").orElse("")).as("refused").endsWith("/console/invitations");
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_members WHERE tenant_id = ?::uuid").param(tenantA).query(Long.class).single())
                .as("nobody joined A").isZero();

        // Only the mailbox's owner, through A's link, makes the account and becomes A's admin.
        java.util.List<jakarta.mail.Message> mails = Mailbox.to(MAIL, victim);
        assertThat(mails).as("one invitation from B, one from A").hasSize(2);
        String linkToA = Mailbox.invitationLink(MAIL, victim);
        var joined = ConsoleForms.submit(linkToA, linkToA, Map.of("password", "the owner's password",
                "password_again", "the owner's password"), null);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT m.role FROM tenant_members m JOIN users u ON u.id = m.user_id"
                + " WHERE m.tenant_id = ?::uuid AND lower(u.email) = lower(?)").params(tenantA, victim).query(String.class).list())
                .containsExactly("admin");
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_members WHERE tenant_id = ?::uuid AND user_id <> (SELECT id FROM users"
                + " WHERE email = ?)").params(tenantA, victim).query(Long.class).single()).isZero();
    }
}
