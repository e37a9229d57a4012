package com.stategraph.billing.notifications;

import com.stategraph.billing.domain.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One attempt of one delivery. A failed attempt is retried with backoff (30 s, 1 min, 2 min, ... by
 * default) until the attempts run out; each is recorded in the delivery's history. The target is
 * checked against the operator's policy again before each attempt: a name may resolve elsewhere now.
 */
@Component
class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final BackgroundNotifications notifications;
    private final Senders senders;
    private final SecretBox secrets;
    private final TargetPolicy policy;
    private final int maxAttempts;
    private final Duration backoff;

    Deliverer(BackgroundNotifications notifications, Senders senders, SecretBox secrets, TargetPolicy policy,
              @Value("${stategraph.notifications.max-attempts:6}") int maxAttempts,
              @Value("${stategraph.notifications.retry-backoff:PT30S}") Duration backoff) {
        this.notifications = notifications;
        this.senders = senders;
        this.secrets = secrets;
        this.policy = policy;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    void attempt(UUID tenantId, UUID deliveryId, int attempt) throws InterruptedException {
        NotificationStore store = notifications.store;
        Delivery delivery = store.delivery(tenantId, deliveryId).orElse(null);
        if (delivery == null || !delivery.status().equals("pending") || delivery.attempts() >= attempt) {
            return; // the channel was removed, or this attempt already ran
        }
        NotificationStore.StoredChannel channel = store.find(tenantId, delivery.channelId()).orElse(null);
        if (channel == null) {
            return;
        }
        Senders.Outcome outcome;
        try {
            outcome = send(channel, delivery);
        } catch (InvalidInputException e) {
            outcome = Senders.Outcome.failed(e.getMessage());
        } catch (IllegalStateException e) {
            outcome = Senders.Outcome.failed(e.getMessage());
        }
        Instant now = notifications.now();
        if (outcome.delivered()) {
            store.attempted(tenantId, deliveryId, "delivered", outcome.status(), null, now, null);
            return;
        }
        if (attempt >= maxAttempts) {
            store.attempted(tenantId, deliveryId, "failed", outcome.status(), outcome.error(), now, null);
            log.warn("notification {} of tenant {} to channel {} failed after {} attempts: {}", deliveryId, tenantId,
                    delivery.channelId(), attempt, outcome.error());
            return;
        }
        Instant next = now.plus(backoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
        Senders.Outcome failed = outcome;
        notifications.database.tx().executeWithoutResult(s -> {
            store.attempted(tenantId, deliveryId, "pending", failed.status(), failed.error(), now, next);
            notifications.scheduleAttempt(tenantId, deliveryId, attempt + 1, next);
        });
    }

    private Senders.Outcome send(NotificationStore.StoredChannel stored, Delivery delivery) throws InterruptedException {
        NotificationChannel channel = stored.channel();
        return switch (channel.type()) {
            case "webhook" -> senders.webhook(target(stored), secrets.open(stored.signingSecret()), delivery.payload(),
                    delivery.id().toString());
            case "slack" -> senders.slack(target(stored), delivery.payload());
            case "email" -> senders.email(channel.target(), delivery.payload());
            default -> Senders.Outcome.failed("unknown channel type " + channel.type());
        };
    }

    private URI target(NotificationStore.StoredChannel stored) {
        return policy.check(secrets.open(stored.targetSealed()));
    }
}
