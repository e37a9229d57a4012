package com.stategraph.billing.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Sends one event to one channel: a signed JSON POST, a Slack message, or an email. */
@Component
class Senders {
    static final String SIGNATURE_HEADER = "X-Stategraph-Signature";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What an attempt came to: an HTTP status when there was a response, an error when it failed. */
    record Outcome(boolean delivered, Integer status, String error) {
        static Outcome failed(String error) {
            return new Outcome(false, null, error);
        }
    }

    private final CloseableHttpClient http;
    private final ObjectMapper json;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    Senders(ObjectMapper json, ObjectProvider<JavaMailSender> mail, @Value("${stategraph.notifications.email-from:}") String from,
            TargetPolicy policy) {
        this.json = json;
        this.mail = mail;
        this.from = from;
        this.http = client(policy);
    }

    /**
     * Connects only to the addresses the policy checked in the same lookup (no second lookup a
     * rebinding name could answer differently), through no proxy, and never follows a redirect: one
     * could lead from a public address to a private one.
     */
    private static CloseableHttpClient client(TargetPolicy policy) {
        DnsResolver pinned = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout timeout = Timeout.of(TIMEOUT);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(pinned)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .setUserAgent("Stategraph-Notifications/1")
                .build();
    }

    boolean emailConfigured() {
        return mail.getIfAvailable() != null;
    }

    /** The body is signed as sent: {@code sha256=} and the hex HMAC-SHA256 of its bytes under the channel's secret. */
    Outcome webhook(URI target, String secret, NotificationEvent event, String deliveryId) throws InterruptedException {
        byte[] body = json.writeValueAsBytes(event);
        return post(target, body, Map.of(SIGNATURE_HEADER, "sha256=" + hmac(secret, body), "X-Stategraph-Event", event.event(),
                "X-Stategraph-Delivery", deliveryId));
    }

    Outcome slack(URI target, NotificationEvent event) throws InterruptedException {
        byte[] body = json.writeValueAsBytes(Map.of("text", event.headline() + "\n" + event.details()));
        return post(target, body, Map.of());
    }

    Outcome email(String to, NotificationEvent event) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Outcome.failed("email is not configured on this server (STATEGRAPH_SMTP_HOST)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        if (!from.isBlank()) {
            message.setFrom(from);
        }
        message.setTo(to);
        message.setSubject(event.headline());
        message.setText(event.details());
        try {
            sender.send(message);
            return new Outcome(true, null, null);
        } catch (org.springframework.mail.MailException e) {
            return Outcome.failed("the mail server refused the message: " + e.getMostSpecificCause().getMessage());
        }
    }

    private Outcome post(URI target, byte[] body, Map<String, String> headers) throws InterruptedException {
        HttpPost request = new HttpPost(target);
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        headers.forEach(request::setHeader);
        try {
            int status = http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            return status / 100 == 2 ? new Outcome(true, status, null) : new Outcome(false, status, "the target answered HTTP " + status);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("delivery interrupted");
            }
            // The exception's own text can carry the URL (and a Slack URL its token): only its kind is kept.
            return Outcome.failed("cannot reach the target: " + e.getClass().getSimpleName());
        }
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
