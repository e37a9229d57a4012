package com.stategraph.billing.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server whose operator has not allowed private webhooks: no tenant admin can point a channel
 * inside the network; bad channels are refused with what is wrong; only tenant admins manage them.
 */
class NotificationChannelsApiTest extends ServerTest {

    private HttpApi.Response create(String key, String tenant, Object type, Object target, Object events) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("type", type);
        body.put("target", target);
        body.put("events", events);
        return api.post(key, "/api/v1/tenants/" + tenant + "/notification-channels", body);
    }

    @Test
    void privateAndLoopbackTargetsAreRefused() {
        String tenant = newTenant();
        for (String target : List.of("https://127.0.0.1/hook", "https://localhost:8443/hook", "https://10.1.2.3/hook",
                "https://192.168.0.10/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
                "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[::ffff:10.0.0.1]/hook",
                // IPv4 hidden in IPv6 forms, and IANA special-purpose blocks, all accepted before.
                "https://[64:ff9b::a9fe:a9fe]/hook", "https://[64:ff9b::7f00:1]/hook", "https://[2002:a9fe:a9fe::]/hook",
                "https://[2002:7f00:1::]/hook", "https://[::a9fe:a9fe]/hook", "https://[::127.0.0.1]/hook", "https://192.0.0.1/hook",
                "https://[100::1]/hook", "https://[2001:db8::1]/hook")) {
            HttpApi.Response refused = create(ADMIN_KEY, tenant, "webhook", target, List.of("sync_failed"));
            assertThat(refused.status()).as(target + " " + refused.raw()).isEqualTo(400);
            assertThat(refused.text("id")).isEqualTo("INVALID_TARGET");
            assertThat(refused.text("data")).contains("STATEGRAPH_ALLOW_PRIVATE_WEBHOOKS");
        }
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels").body().path("results")).isEmpty();
    }

    @Test
    void aPublicHttpsTargetIsTakenAndBadChannelsAreRefusedWithWhatIsWrong() {
        String tenant = newTenant();
        // A public address by number: nothing is resolved or called when a channel is added.
        HttpApi.Response created = create(ADMIN_KEY, tenant, "slack", "https://8.8.8.8/services/T1/B2/sekret", List.of("sync_warning"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("target")).isEqualTo("https://8.8.8.8/services/…");
        assertThat(created.raw()).doesNotContain("sekret");
        // Scheme, host and first path segment only, in the list and the audit log alike.
        HttpApi.Response hook = create(ADMIN_KEY, tenant, "webhook", "https://8.8.8.8/hook/PATHSECRET?token=QUERYSECRET",
                List.of("sync_failed"));
        assertThat(hook.text("target")).isEqualTo("https://8.8.8.8/hook/…?…");
        String listed = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels").raw();
        String audit = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/audit-log").raw();
        for (String shown : List.of(hook.raw(), listed, audit)) {
            assertThat(shown).contains("https://8.8.8.8/hook/").doesNotContain("PATHSECRET").doesNotContain("QUERYSECRET")
                    .doesNotContain("sekret").doesNotContain("T1/B2");
        }
        api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels/" + hook.text("id"));

        record Bad(Object type, Object target, Object events, String says) {
        }
        for (Bad bad : List.of(
                new Bad("pager", "https://8.8.8.8/", List.of("sync_failed"), "type must be one of webhook, slack, email"),
                new Bad("webhook", "http://8.8.8.8/hook", List.of("sync_failed"), "https://"),
                new Bad("webhook", "ftp://8.8.8.8/hook", List.of("sync_failed"), "https://"),
                new Bad("webhook", "https://user:pw@8.8.8.8/hook", List.of("sync_failed"), "user name or password"),
                new Bad("webhook", "https://8.8.8.8/hook", List.of(), "at least one of sync_failed"),
                new Bad("webhook", "https://8.8.8.8/hook", List.of("sync_done"), "unknown event 'sync_done'"),
                new Bad("webhook", "", List.of("sync_failed"), "target is required"),
                new Bad("email", "ops@example.com", List.of("sync_failed"), "STATEGRAPH_SMTP_HOST"))) {
            HttpApi.Response refused = create(ADMIN_KEY, tenant, bad.type(), bad.target(), bad.events());
            assertThat(refused.status()).as(bad + " " + refused.raw()).isEqualTo(400);
            assertThat(refused.text("data")).as(bad.toString()).contains(bad.says());
        }
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels").body().path("results")).hasSize(1);
    }

    @Test
    void onlyTheTenantsAdminsManageItsChannels() {
        String tenant = newTenant();
        String other = newTenant();
        String member = newKey(tenant, "member");
        String otherAdmin = newKey(other, "admin");
        HttpApi.Response created = create(ADMIN_KEY, tenant, "webhook", "https://8.8.8.8/hook", List.of("sync_failed"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        String base = "/api/v1/tenants/" + tenant + "/notification-channels";
        for (String key : List.of(member, otherAdmin)) {
            assertThat(api.get(key, base).status()).isEqualTo(403);
            assertThat(create(key, tenant, "webhook", "https://8.8.8.8/x", List.of("sync_failed")).status()).isEqualTo(403);
            assertThat(api.delete(key, base + "/" + id).status()).isEqualTo(403);
            assertThat(api.post(key, base + "/" + id + "/test", Map.of()).status()).isEqualTo(403);
            assertThat(api.get(key, base + "/" + id + "/deliveries").status()).isEqualTo(403);
        }
        assertThat(api.delete(ADMIN_KEY, "/api/v1/tenants/" + other + "/notification-channels/" + id).status())
                .as("another tenant's channel is not found there").isEqualTo(404);
        assertThat(api.delete(ADMIN_KEY, base + "/" + id).status()).isEqualTo(204);
        assertThat(api.delete(ADMIN_KEY, base + "/" + id).status()).isEqualTo(404);
    }
}
