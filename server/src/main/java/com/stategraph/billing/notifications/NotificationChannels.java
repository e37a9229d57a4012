package com.stategraph.billing.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.domain.NotFoundException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** A tenant's notification channels: added, listed, removed, tested, and their delivery history. */
@Service
public class NotificationChannels {
    public static final List<String> TYPES = List.of("webhook", "slack", "email");

    private final NotificationStore store;
    private final TargetPolicy policy;
    private final SecretBox secrets;
    private final Senders senders;
    private final AuditLog audit;
    private final Clock clock;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;

    NotificationChannels(JdbcClient jdbc, ObjectMapper json, TargetPolicy policy, SecretBox secrets, Senders senders, AuditLog audit,
                         Clock clock, @Lazy SchedulerClient scheduler,
                         @Lazy @Qualifier(NotificationQueue.DELIVERY_TASK) OneTimeTask<Void> task) {
        this.store = new NotificationStore(jdbc, json);
        this.policy = policy;
        this.secrets = secrets;
        this.senders = senders;
        this.audit = audit;
        this.clock = clock;
        this.scheduler = scheduler;
        this.task = task;
    }

    /** A webhook's answer carries its signing secret, this once. */
    @Transactional
    public NotificationChannel create(Caller caller, UUID tenantId, String type, String target, List<String> events) {
        if (type == null || !TYPES.contains(type)) {
            throw new InvalidInputException("INVALID_PARAMETER", "type must be one of " + String.join(", ", TYPES));
        }
        if (target == null || target.isBlank()) {
            throw new InvalidInputException("INVALID_PARAMETER", "target is required: an https:// URL, or an email address");
        }
        List<String> wanted = events(events);
        String shown;
        byte[] sealedTarget = null;
        String secret = null;
        if (type.equals("email")) {
            shown = emailAddress(target);
        } else {
            URI uri = policy.check(target.trim());
            shown = shown(uri);
            sealedTarget = secrets.seal(uri.toString());
            secret = type.equals("webhook") ? secrets.newSecret() : null;
        }
        NotificationChannel created = store.insert(tenantId, type, shown, sealedTarget, wanted,
                secret == null ? null : secrets.seal(secret), clock.instant());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", type);
        detail.put("target", shown);
        detail.put("events", wanted);
        audit.record(caller, tenantId, "notification_channel.create", "notification_channel", created.id(), detail);
        return created.withSecret(secret);
    }

    public List<NotificationChannel> list(UUID tenantId) {
        return store.list(tenantId);
    }

    @Transactional
    public void delete(Caller caller, UUID tenantId, UUID id) {
        NotificationChannel channel = get(tenantId, id);
        store.delete(tenantId, id);
        audit.record(caller, tenantId, "notification_channel.delete", "notification_channel", id,
                Map.of("type", channel.type(), "target", channel.target()));
    }

    /** A {@code test} event to this channel alone, delivered (and retried) like any other. */
    @Transactional
    public Delivery test(Caller caller, UUID tenantId, UUID id) {
        get(tenantId, id);
        NotificationEvent event = new NotificationEvent(NotificationEvent.TEST, tenantId, null, null, null, null, List.of(),
                clock.instant());
        UUID delivery = store.enqueue(scheduler, task, tenantId, id, event, clock.instant());
        audit.record(caller, tenantId, "notification_channel.test", "notification_channel", id, Map.of("delivery_id", delivery));
        return store.delivery(tenantId, delivery).orElseThrow();
    }

    public List<Delivery> deliveries(UUID tenantId, UUID id, int limit) {
        get(tenantId, id);
        return store.deliveries(tenantId, id, limit);
    }

    private NotificationChannel get(UUID tenantId, UUID id) {
        return store.find(tenantId, id).map(NotificationStore.StoredChannel::channel)
                .orElseThrow(() -> new NotFoundException("notification channel " + id + " not found"));
    }

    private static List<String> events(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("INVALID_PARAMETER", "events must name at least one of "
                    + String.join(", ", NotificationEvent.EVENTS));
        }
        List<String> wanted = new ArrayList<>();
        for (String e : events) {
            if (!NotificationEvent.EVENTS.contains(e)) {
                throw new InvalidInputException("INVALID_PARAMETER", "unknown event '" + e + "' (events: "
                        + String.join(", ", NotificationEvent.EVENTS) + ")");
            }
            if (!wanted.contains(e)) {
                wanted.add(e);
            }
        }
        return wanted;
    }

    private String emailAddress(String target) {
        if (!senders.emailConfigured()) {
            throw new InvalidInputException("EMAIL_NOT_CONFIGURED", "this server cannot send email: the operator sets"
                    + " STATEGRAPH_SMTP_HOST (and STATEGRAPH_NOTIFICATIONS_EMAIL_FROM) to enable email channels");
        }
        try {
            InternetAddress address = new InternetAddress(target.trim(), true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain");
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw new InvalidInputException("INVALID_TARGET", "target '" + target.trim() + "' is not an email address");
        }
    }

    /**
     * The URL as shown in lists and the audit log: scheme, host and the path's first segment. The rest
     * of the path and the query often are the secret (Slack's token, {@code /hook/<secret>}), so they are
     * only marked as there.
     */
    static String shown(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second) + "/…";
        return uri.getScheme() + "://" + uri.getRawAuthority() + first + (uri.getRawQuery() == null ? "" : "?…");
    }
}
