package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Authentication, tenants, tenant API keys and local users over HTTP. */
class AccessApiTest extends ServerTest {

    @Test
    void requestsWithoutAValidKeyAre401() {
        var none = api.get(null, "/api/v1/whoami");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.text("id")).isEqualTo("UNAUTHORIZED");

        var unknown = api.get("sgk_not-a-real-key", "/api/v1/whoami");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("data")).contains("unknown or revoked");
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.stategraph.billing.metrics.ManagementPort management;

    @Test
    void metricsAreOnlyOnTheManagementPortOrForTheInstanceAdmin() {
        String tenant = newTenant();
        createAwsSource(tenant, "s3://metrics-bucket/focus/");
        var anonymous = api.get(null, "/actuator/prometheus");
        assertThat(anonymous.status()).as("no key on the public port").isEqualTo(401);
        assertThat(anonymous.raw()).doesNotContain(tenant);
        assertThat(api.get(newKey(tenant, "admin"), "/actuator/prometheus").status()).as("a tenant admin's key").isEqualTo(403);
        assertThat(api.get(ADMIN_KEY, "/actuator/prometheus").raw()).contains("jvm_memory_used_bytes");

        assertThat(management.localPort()).as("a management port of its own").isPositive().isNotEqualTo(port);
        HttpApi local = new HttpApi(management.localPort());
        assertThat(local.get(null, "/actuator/prometheus").raw()).contains("jvm_memory_used_bytes");
        assertThat(local.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(local.get(ADMIN_KEY, "/api/v1/whoami").status()).as("nothing but the actuator there").isEqualTo(404);
    }

    @Test
    void healthNeedsNoKey() {
        var health = api.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        // The Kubernetes probes of deploy/kubernetes: liveness without the database, readiness with it.
        var liveness = api.get(null, "/actuator/health/liveness");
        assertThat(liveness.status()).as(liveness.raw()).isEqualTo(200);
        assertThat(liveness.text("status")).isEqualTo("UP");
        var readiness = api.get(null, "/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.raw()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(api.get(null, "/actuator/health/db").status()).as("details stay behind a key").isEqualTo(401);
    }

    @Test
    void whoamiDescribesTheInstanceAdminAndTenantKeys() {
        var admin = api.get(ADMIN_KEY, "/api/v1/whoami");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().propertyNames()).containsExactlyInAnyOrder("id", "name", "email", "is_admin", "type");
        assertThat(admin.body().path("is_admin").asBoolean()).isTrue();
        assertThat(admin.text("type")).isEqualTo("user");
        assertThat(admin.text("name")).isEqualTo("admin");

        String tenant = newTenant();
        var created = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "ci", "role", "member"));
        var key = api.get(created.text("key"), "/api/v1/whoami");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.text("type")).isEqualTo("api");
        assertThat(key.text("id")).isEqualTo(created.text("id"));
        assertThat(key.text("name")).isEqualTo("ci");
        assertThat(key.body().path("is_admin").asBoolean()).isFalse();
        assertThat(key.body().path("email").isNull()).isTrue();
    }

    @Test
    void onlyTheInstanceAdminCreatesTenantsAndNamesAreUnique() {
        String name = "acme-" + UUID.randomUUID();
        var created = api.post(ADMIN_KEY, "/api/v1/tenants", Map.of("name", name));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().propertyNames()).containsExactlyInAnyOrder("id", "name");
        assertThat(created.text("name")).isEqualTo(name);

        assertThat(api.post(ADMIN_KEY, "/api/v1/tenants", Map.of("name", name)).status()).isEqualTo(409);
        assertThat(api.post(ADMIN_KEY, "/api/v1/tenants", Map.of("name", " ")).status()).isEqualTo(400);

        String tenantAdmin = newKey(created.text("id"), "admin");
        var refused = api.post(tenantAdmin, "/api/v1/tenants", Map.of("name", "other-" + UUID.randomUUID()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("id").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void everyErrorAnswerHasOneShapeIdAndData() {
        String tenant = newTenant();
        String member = newKey(tenant, "member");
        var tenantPath = "/api/v1/tenants/" + tenant;
        List<HttpApi.Response> answers = List.of(
                api.get(null, "/api/v1/whoami"),
                api.get("sgk_not-a-key", "/api/v1/whoami"),
                api.post(member, tenantPath + "/billing-sources", Map.of("provider", "aws", "source_uri", "s3://b/p/")),
                api.get(ADMIN_KEY, "/api/v1/no-such-endpoint"),
                api.get(ADMIN_KEY, "/api/v1/tenants/not-a-uuid/billing-sources"),
                api.send(ADMIN_KEY, "DELETE", "/api/v1/whoami", null),
                api.send(ADMIN_KEY, "POST", "/api/v1/tenants", "{\"name\": "),
                api.get(ADMIN_KEY, tenantPath + "/costs/actuals?granularity=hourly"));
        List<Integer> statuses = answers.stream().map(HttpApi.Response::status).toList();
        assertThat(statuses).containsExactly(401, 401, 403, 404, 404, 405, 400, 400);
        for (HttpApi.Response r : answers) {
            assertThat(r.body().path("id").asString()).as(r.raw()).matches("[A-Z][A-Z_]*");
            assertThat(r.body().path("data").isString()).as(r.raw()).isTrue();
            assertThat(r.body().path("data").asString()).as(r.raw()).isNotBlank();
        }
        assertThat(answers.get(2).body().path("data").asString()).isEqualTo("admin privileges required");
        assertThat(answers.get(2).body().path("reasons").get(0).path("kind").asString()).isEqualTo("admin");
    }

    @Test
    void userTenantsListsOnlyTheCallersTenants() {
        String mine = newTenant();
        String other = newTenant();
        String key = newKey(mine, "member");
        var list = api.get(key, "/api/v1/user/tenants");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("results").valueStream().map(n -> n.path("id").asString()))
                .containsExactly(mine);

        var all = api.get(ADMIN_KEY, "/api/v1/user/tenants");
        assertThat(all.body().path("results").valueStream().map(n -> n.path("id").asString()))
                .contains(mine, other);
    }

    @Test
    void apiKeysAreShownOnceStoredHashedAndRevokedAtOnce() {
        String tenant = newTenant();
        String adminKey = newKey(tenant, "admin");
        var created = api.post(adminKey, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "deploy", "role", "admin"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().propertyNames()).containsExactlyInAnyOrder("id", "name", "role", "key", "created_at");
        String secret = created.text("key");
        assertThat(created.text("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        var stored = jdbc.sql("SELECT key_hash FROM api_keys WHERE id = ?::uuid").param(created.text("id"))
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(secret).doesNotContain(secret).hasSize(64);

        var list = api.get(adminKey, "/api/v1/tenants/" + tenant + "/api-keys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw()).doesNotContain(secret);
        assertThat(list.body().path("results").get(0).propertyNames()).doesNotContain("key");

        assertThat(api.get(secret, "/api/v1/whoami").status()).isEqualTo(200);
        var revoke = api.delete(adminKey, "/api/v1/tenants/" + tenant + "/api-keys/" + created.text("id"));
        assertThat(revoke.status()).isEqualTo(204);
        assertThat(api.get(secret, "/api/v1/whoami").status()).isEqualTo(401);
        assertThat(api.delete(adminKey, "/api/v1/tenants/" + tenant + "/api-keys/" + created.text("id")).status())
                .isEqualTo(404);
        assertThat(api.get(adminKey, "/api/v1/tenants/" + tenant + "/api-keys").raw()).doesNotContain(created.text("id"));
    }

    @Test
    void apiKeyManagementIsForTenantAdmins() {
        String tenant = newTenant();
        String member = newKey(tenant, "member");
        var refused = api.post(member, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "x", "role", "admin"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("reasons").get(0).path("detail").asString()).isEqualTo("admin privileges required");
        assertThat(api.get(member, "/api/v1/tenants/" + tenant + "/api-keys").status()).isEqualTo(403);

        String admin = newKey(tenant, "admin");
        var badRole = api.post(admin, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "x", "role", "owner"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.text("id")).isEqualTo("INVALID_ROLE");
    }

    @Test
    void localUsersHaveBcryptPasswordsAndTheInstanceAdminAddsThemToSeveralTenants() {
        String tenant = newTenant();
        String email = "ana-" + UUID.randomUUID() + "@example.com";
        var created = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/users",
                Map.of("email", email, "name", "Ana Real", "role", "member", "password", "correct horse battery"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("email")).isEqualTo(email);
        assertThat(created.text("role")).isEqualTo("member");
        assertThat(created.text("status")).isEqualTo("active");
        assertThat(created.raw()).doesNotContain("correct horse");
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = ?").param(email).query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain("correct horse");
        assertThat(api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/users",
                Map.of("email", email, "name", "Ana", "role", "member", "password", "correct horse battery")).status())
                .isEqualTo(409);

        String second = newTenant();
        var joined = api.post(ADMIN_KEY, "/api/v1/tenants/" + second + "/users", Map.of("email", email, "name", "Ana", "role", "admin"));
        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.text("id")).isEqualTo(created.text("id"));
        assertThat(joined.text("status")).isEqualTo("active");
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE email = ?").param(email).query(String.class).single())
                .isEqualTo(hash);
    }

    @Test
    void aTenantAdminInvitesByEmailCreatesNoAccountAndLearnsNothingAboutAccountsOutsideTheTenant() throws Exception {
        String home = newTenant();
        String existing = "known-" + UUID.randomUUID() + "@example.com";
        var account = api.post(ADMIN_KEY, "/api/v1/tenants/" + home + "/users", Map.of("email", existing, "name", "Real Name",
                "role", "member", "password", "correct horse battery"));
        assertThat(account.status()).isEqualTo(201);
        String hashBefore = jdbc.sql("SELECT password_hash FROM users WHERE email = ?").param(existing).query(String.class).single();
        String other = newTenant();
        String otherAdmin = newKey(other, "admin");
        String fresh = "fresh-" + UUID.randomUUID() + "@example.com";
        String path = "/api/v1/tenants/" + other + "/users";

        // A password from a tenant admin is refused, the same way whether or not the email has an account.
        var withPasswordKnown = api.post(otherAdmin, path, Map.of("email", existing, "name", "Guess", "role", "member",
                "password", "some first password"));
        var withPasswordFresh = api.post(otherAdmin, path, Map.of("email", fresh, "name", "Guess", "role", "member",
                "password", "some first password"));
        assertThat(withPasswordKnown.status()).isEqualTo(400);
        assertThat(withPasswordKnown.text("id")).isEqualTo("PASSWORD_NOT_ACCEPTED");
        assertThat(withPasswordKnown.raw()).isEqualTo(withPasswordFresh.raw());
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?)").param(fresh).query(Long.class).single())
                .as("a refused invitation makes no account").isZero();

        var known = api.post(otherAdmin, path, Map.of("email", existing, "name", "Guess", "role", "member"));
        var unknown = api.post(otherAdmin, path, Map.of("email", fresh, "name", "Guess", "role", "member"));
        for (var r : List.of(known, unknown)) {
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            assertThat(r.body().propertyNames()).containsExactlyInAnyOrder("id", "email", "name", "role", "status", "created_at",
                    "expires_at", "invitation_sent");
            assertThat(r.text("name")).as("the name the admin gave, never the account's").isEqualTo("Guess");
            assertThat(r.text("status")).isEqualTo("invited");
            assertThat(r.body().path("invitation_sent").asBoolean()).as("this server sends no mail").isFalse();
            assertThat(java.time.Duration.between(Instant.parse(r.text("created_at")), Instant.parse(r.text("expires_at"))))
                    .as("valid for 7 days").isEqualTo(java.time.Duration.ofDays(7));
        }
        assertThat(known.text("id")).as("an invitation id, never the account's user id").isNotEqualTo(account.text("id"));
        assertThat(known.raw()).doesNotContain("Real Name").doesNotContain(account.text("id"));
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?)").param(fresh).query(Long.class).single())
                .as("an invitation creates no account").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_members WHERE tenant_id = ?::uuid").param(other).query(Long.class).single())
                .as("nobody joined without consent").isZero();
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE email = ?").param(existing).query(String.class).single())
                .as("an existing password is never changed").isEqualTo(hashBefore);
        var listed = api.get(otherAdmin, path).body().path("results");
        assertThat(listed).hasSize(2);
        listed.forEach(u -> assertThat(u.path("status").asString()).isEqualTo("invited"));

        // Inviting again renews the same invitation.
        var again = api.post(otherAdmin, path, Map.of("email", existing.toUpperCase(java.util.Locale.ROOT), "name", "Guess",
                "role", "admin"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(known.text("id"));
        assertThat(again.text("role")).isEqualTo("admin");

        // Only the instance admin may hand on a link; a tenant admin never sees a token.
        String linkPath = path + "/invitations/" + unknown.text("id") + "/link";
        assertThat(api.post(otherAdmin, linkPath, Map.of()).status()).isEqualTo(403);
        var link = api.post(ADMIN_KEY, linkPath, Map.of());
        assertThat(link.status()).as(link.raw()).isEqualTo(200);
        String url = link.text("url").replaceFirst("^http://localhost:\\d+", "http://localhost:" + port);
        assertThat(url).contains("/invitations/");

        // The link's holder sets their own password, once.
        var joined = com.stategraph.billing.support.ConsoleForms.submit(url, url,
                Map.of("name", "Fresh Person", "password", "my own password", "password_again", "my own password"), null);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(302);
        assertThat(joined.headers().firstValue("Location").orElseThrow()).endsWith("/login?joined");
        assertThat(jdbc.sql("SELECT u.name FROM tenant_members m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ?::uuid")
                .param(other).query(String.class).list()).containsExactly("Fresh Person");
        assertThat(com.stategraph.billing.support.ConsoleForms.get(url, "x=y").statusCode()).as("used once").isEqualTo(404);

        // An existing account's link asks to sign in; posting a password to it changes nothing.
        String knownUrl = api.post(ADMIN_KEY, path + "/invitations/" + known.text("id") + "/link", Map.of()).text("url")
                .replaceFirst("^http://localhost:\\d+", "http://localhost:" + port);
        assertThat(com.stategraph.billing.support.ConsoleForms.get(knownUrl, "x=y").body()).contains("already has an account");
        var overwrite = com.stategraph.billing.support.ConsoleForms.submit("http://localhost:" + port + "/login", knownUrl,
                Map.of("password", "taken over password", "password_again", "taken over password"), null);
        assertThat(overwrite.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE email = ?").param(existing).query(String.class).single())
                .isEqualTo(hashBefore);
    }

    @Test
    void userCreationRejectsBadInput() {
        String tenant = newTenant();
        String path = "/api/v1/tenants/" + tenant + "/users";
        var badEmail = api.post(ADMIN_KEY, path, Map.of("email", "nope", "name", "N", "role", "member", "password", "long enough pw"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.text("id")).isEqualTo("INVALID_EMAIL");
        var shortPassword = api.post(ADMIN_KEY, path, Map.of("email", "b@example.com", "name", "N", "role", "member", "password", "short"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.text("id")).isEqualTo("INVALID_PASSWORD");
        assertThat(api.post(newKey(tenant, "member"), path,
                Map.of("email", "c@example.com", "name", "N", "role", "member", "password", "long enough pw")).status())
                .isEqualTo(403);
    }

    @Test
    void unknownTenantIs404ForTheInstanceAdminAnd403ForOthers() {
        String missing = UUID.randomUUID().toString();
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + missing + "/billing-sources").status()).isEqualTo(404);
        assertThat(api.get(newKey(newTenant(), "admin"), "/api/v1/tenants/" + missing + "/billing-sources").status())
                .isEqualTo(403);
    }
}
