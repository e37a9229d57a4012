package com.stategraph.billing.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.stategraph.billing.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * The channels and deliveries tables, through whichever pool the caller runs on (the API's for
 * requests, the background pool for syncs and deliveries).
 */
final class NotificationStore {
    /** A channel as stored: what the API shows, and what a delivery needs. */
    record StoredChannel(NotificationChannel channel, byte[] targetSealed, byte[] signingSecret) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    NotificationStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    NotificationChannel insert(UUID tenantId, String type, String shownTarget, byte[] targetSealed, List<String> events,
                               byte[] signingSecret, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO notification_channels (tenant_id, id, type, target, target_sealed, events, signing_secret, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenantId, id, type, shownTarget, targetSealed, events.toArray(new String[0]), signingSecret, Timestamp.from(now))
                .update();
        return new NotificationChannel(id, type, shownTarget, events, now, null);
    }

    List<NotificationChannel> list(UUID tenantId) {
        return jdbc.sql("SELECT * FROM notification_channels WHERE tenant_id = ? ORDER BY created_at, id").param(tenantId)
                .query((rs, i) -> channel(rs)).list();
    }

    Optional<StoredChannel> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM notification_channels WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query((rs, i) -> new StoredChannel(channel(rs), rs.getBytes("target_sealed"), rs.getBytes("signing_secret")))
                .optional();
    }

    /** The tenant's channels that take {@code event}. */
    List<UUID> subscribed(UUID tenantId, String event) {
        return jdbc.sql("SELECT id FROM notification_channels WHERE tenant_id = ? AND ? = ANY (events) ORDER BY id")
                .params(tenantId, event).query(UUID.class).list();
    }

    boolean delete(UUID tenantId, UUID id) {
        return jdbc.sql("DELETE FROM notification_channels WHERE tenant_id = ? AND id = ?").params(tenantId, id).update() == 1;
    }

    /** A pending delivery and its first attempt, due now; in the caller's transaction when there is one. */
    UUID enqueue(SchedulerClient scheduler, OneTimeTask<Void> task, UUID tenantId, UUID channelId, NotificationEvent event,
                 Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO notification_deliveries (tenant_id, id, channel_id, event, payload, status, created_at, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, 'pending', ?, ?)")
                .params(tenantId, id, channelId, event.event(), json.writeValueAsString(event), Timestamp.from(now), Timestamp.from(now))
                .update();
        scheduler.scheduleIfNotExists(task.instance(NotificationQueue.instanceId(tenantId, id, 1)), now);
        return id;
    }

    Optional<Delivery> delivery(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM notification_deliveries WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query((rs, i) -> delivery(rs)).optional();
    }

    List<Delivery> deliveries(UUID tenantId, UUID channelId, int limit) {
        return jdbc.sql("SELECT * FROM notification_deliveries WHERE tenant_id = ? AND channel_id = ? ORDER BY created_at DESC, id"
                        + " LIMIT ?")
                .params(tenantId, channelId, limit).query((rs, i) -> delivery(rs)).list();
    }

    /** Records one attempt; {@code next} is when the next is due, null when there is none. */
    void attempted(UUID tenantId, UUID id, String status, Integer responseStatus, String error, Instant at, Instant next) {
        jdbc.sql("UPDATE notification_deliveries SET attempts = attempts + 1, status = ?, response_status = ?, last_error = ?,"
                        + " last_attempt_at = ?, next_attempt_at = ?, delivered_at = ? WHERE tenant_id = ? AND id = ?")
                .params(status, responseStatus, error, Timestamp.from(at), next == null ? null : Timestamp.from(next),
                        status.equals("delivered") ? Timestamp.from(at) : null, tenantId, id)
                .update();
    }

    private static NotificationChannel channel(ResultSet rs) throws SQLException {
        return new NotificationChannel(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("target"),
                Arrays.asList((String[]) rs.getArray("events").getArray()), Timestamps.toInstant(rs.getTimestamp("created_at")), null);
    }

    private Delivery delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt("response_status");
        Integer responseStatus = rs.wasNull() ? null : code;
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("channel_id", UUID.class), rs.getString("event"),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), responseStatus,
                Timestamps.toInstant(rs.getTimestamp("created_at")), Timestamps.toInstant(rs.getTimestamp("last_attempt_at")),
                Timestamps.toInstant(rs.getTimestamp("next_attempt_at")), Timestamps.toInstant(rs.getTimestamp("delivered_at")),
                json.readValue(rs.getString("payload"), NotificationEvent.class));
    }
}
