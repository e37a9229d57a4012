package com.stategraph.billing.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Notifications end to end: a failed sync, a sync with warnings and a stale source reach a real
 * HTTP listener (webhook, signed; Slack) and a real SMTP server (GreenMail) on loopback; a failing
 * target is retried with backoff and its attempts are in the history; the signing secret is
 * answered once and nowhere after.
 */
class NotificationsTest extends SyncServerTest {
    private static final WebhookReceiver RECEIVER = WebhookReceiver.started();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    StaleSources staleSources;

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    private String channel(String tenant, String type, String target, List<String> events) {
        HttpApi.Response created = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels",
                Map.of("type", type, "target", target, "events", events));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.raw();
    }

    private JsonNode deliveries(String tenant, String channel) {
        HttpApi.Response history = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels/" + channel + "/deliveries");
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        return history.body().path("results");
    }

    /** The channel's newest delivery once it is no longer pending. */
    private JsonNode settled(String tenant, String channel) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            JsonNode list = deliveries(tenant, channel);
            if (!list.isEmpty() && !list.get(0).path("status").asString().equals("pending")) {
                return list.get(0);
            }
            assertThat(Instant.now()).as("a delivery settled within a minute: " + list).isBefore(deadline);
            sleep(200);
        }
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void failuresWarningsAndStaleSourcesReachWebhooksSlackAndEmail(org.springframework.boot.test.system.CapturedOutput logs)
            throws Exception {
        String tenant = newTenant();
        RECEIVER.answer("/hooks/ops", 500, 204);
        RECEIVER.answer("/hooks/broken", 503);
        JsonNode webhook = HttpApi.JSON.readTree(channel(tenant, "webhook", RECEIVER.url("/hooks/ops?token=abc123"),
                List.of("sync_failed", "sync_warning", "sync_stale")));
        String secret = webhook.path("signing_secret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        // Scheme, host and the first path segment: the rest of the path and the query may be the secret.
        assertThat(webhook.path("target").asString()).isEqualTo(RECEIVER.url("/hooks/…?…"));
        String hookId = webhook.path("id").asString();
        String broken = HttpApi.JSON.readTree(channel(tenant, "webhook", RECEIVER.url("/hooks/broken"), List.of("sync_failed")))
                .path("id").asString();
        String slackToken = "xoxb-not-a-real-token-" + tenant.substring(0, 8);
        JsonNode slack = HttpApi.JSON.readTree(channel(tenant, "slack", RECEIVER.url("/services/T0/B0/" + slackToken),
                List.of("sync_warning")));
        assertThat(slack.has("signing_secret")).isFalse();
        String mailbox = "ops-" + tenant.substring(0, 8) + "@example.com";
        String email = HttpApi.JSON.readTree(channel(tenant, "email", mailbox, List.of("sync_failed", "sync_stale"))).path("id").asString();

        // Neither the signing secret nor the Slack token is answered again, nor written to the audit log.
        String listed = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels").raw();
        assertThat(HttpApi.JSON.readTree(listed).path("results")).hasSize(4);
        assertThat(listed).doesNotContain(secret).doesNotContain(slackToken).doesNotContain("abc123").contains("/services/…");
        String audit = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/audit-log").raw();
        assertThat(audit).contains("notification_channel.create").doesNotContain(secret).doesNotContain(slackToken);

        // A sync that fails: nothing matches the source's URI.
        Path empty = tempDir("notify-empty-");
        String failing = addSource(tenant, "aws", empty.toUri().toString());
        JsonNode failedRun = syncAndWait(tenant, failing);
        assertThat(failedRun.path("status").asString()).isEqualTo("error");

        WebhookReceiver.Received first = RECEIVER.next("/hooks/ops", WAIT);
        WebhookReceiver.Received retried = RECEIVER.next("/hooks/ops", WAIT);
        assertThat(retried.body()).as("a retry sends the same event").isEqualTo(first.body());
        assertThat(retried.header("X-Stategraph-Signature")).isEqualTo("sha256=" + hmac(secret, retried.body()));
        JsonNode event = HttpApi.JSON.readTree(retried.body());
        assertThat(event.path("event").asString()).isEqualTo("sync_failed");
        assertThat(event.path("tenant_id").asString()).isEqualTo(tenant);
        assertThat(event.path("source_id").asString()).isEqualTo(failing);
        assertThat(event.path("run_id").asString()).isEqualTo(failedRun.path("id").asString());
        assertThat(event.path("status").asString()).isEqualTo("error");
        assertThat(event.path("error").asString()).isEqualTo(failedRun.path("error").asString()).isNotBlank();
        assertThat(event.path("warnings").isArray()).isTrue();
        assertThat(Instant.parse(event.path("occurred_at").asString())).isBefore(Instant.now().plusSeconds(1));
        JsonNode delivered = settled(tenant, hookId);
        assertThat(delivered.path("status").asString()).isEqualTo("delivered");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.path("response_status").asInt()).isEqualTo(204);

        JsonNode gaveUp = settled(tenant, broken);
        assertThat(gaveUp.path("status").asString()).as("three attempts, then failed").isEqualTo("failed");
        assertThat(gaveUp.path("attempts").asInt()).isEqualTo(3);
        assertThat(gaveUp.path("last_error").asString()).contains("503");

        MimeMessage mail = awaitMail(mailbox);
        assertThat(mail.getSubject()).contains("failed").contains(failing);
        assertThat(mail.getContent().toString()).contains(failedRun.path("error").asString());

        // A sync that loads with a warning: a row of a billing period outside the source's one-month window.
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        Path dir = tempDir("notify-warn-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "BillingCurrency", "BillingPeriodStart",
                        "ChargePeriodStart"),
                List.of(List.of("1", "USD", month + "T00:00:00Z", month + "T00:00:00Z"),
                        List.of("2", "USD", month.minusMonths(6) + "T00:00:00Z", month.minusMonths(6) + "T00:00:00Z")));
        String warning = addSource(tenant, Map.of("provider", "aws", "source_uri", dir.toUri().toString(), "window_months", 1));
        assertThat(syncAndWait(tenant, warning).path("status").asString()).isEqualTo("ok");
        WebhookReceiver.Received warned = RECEIVER.next("/hooks/ops", WAIT);
        JsonNode warnedEvent = HttpApi.JSON.readTree(warned.body());
        assertThat(warnedEvent.path("event").asString()).isEqualTo("sync_warning");
        assertThat(warnedEvent.path("status").asString()).isEqualTo("ok");
        assertThat(warnedEvent.path("warnings").get(0).path("code").asString()).isEqualTo("ROWS_OUTSIDE_WINDOW");
        WebhookReceiver.Received slackMessage = RECEIVER.next("/services/T0/B0/" + slackToken, WAIT);
        assertThat(HttpApi.JSON.readTree(slackMessage.body()).path("text").asString()).contains("warning").contains(warning);
        assertThat(slackMessage.header("X-Stategraph-Signature")).isNull();

        // A source with no successful sync for 48 hours is reported once.
        jdbc.sql("UPDATE billing_sources SET last_synced_at = now() - interval '49 hours' WHERE id = ?::uuid").param(warning).update();
        assertThat(staleSources.check()).isGreaterThanOrEqualTo(1);
        JsonNode stale = HttpApi.JSON.readTree(RECEIVER.next("/hooks/ops", WAIT).body());
        assertThat(stale.path("event").asString()).isEqualTo("sync_stale");
        assertThat(stale.path("source_id").asString()).isEqualTo(warning);
        assertThat(awaitMail(mailbox).getSubject()).contains("48 hours");
        long staleDeliveries = jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE tenant_id = ?::uuid AND event = 'sync_stale'")
                .param(tenant).query(Long.class).single();
        staleSources.check();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE tenant_id = ?::uuid AND event = 'sync_stale'")
                .param(tenant).query(Long.class).single()).as("not reported twice").isEqualTo(staleDeliveries);

        // A test event on demand; the history holds every delivery, and never the secret.
        HttpApi.Response test = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels/" + hookId + "/test", Map.of());
        assertThat(test.status()).as(test.raw()).isEqualTo(202);
        assertThat(HttpApi.JSON.readTree(RECEIVER.next("/hooks/ops", WAIT).body()).path("event").asString()).isEqualTo("test");
        String history = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels/" + hookId + "/deliveries").raw();
        assertThat(HttpApi.JSON.readTree(history).path("results")).hasSize(4);
        assertThat(history).doesNotContain(secret);

        assertThat(logs.getAll()).as("the server's log, which names the channel that gave up").contains(broken)
                .doesNotContain(secret).doesNotContain(slackToken).doesNotContain("abc123");

        assertThat(api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels/" + email).status()).isEqualTo(204);
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels/" + email + "/deliveries").status())
                .isEqualTo(404);
    }

    private MimeMessage awaitMail(String to) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            for (MimeMessage m : MAIL.getReceivedMessagesForDomain(to)) {
                if (m.getAllRecipients()[0].toString().equals(to) && seen.add(m.getMessageID())) {
                    return m;
                }
            }
            assertThat(Instant.now()).as("an email to " + to + " within a minute").isBefore(deadline);
            sleep(200);
        }
    }

    private final java.util.Set<String> seen = new java.util.HashSet<>();
}
