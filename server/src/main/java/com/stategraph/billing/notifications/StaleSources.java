package com.stategraph.billing.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A {@code sync_stale} event for each enabled source with no successful sync for 48 hours (since it
 * was added, if it never had one): once per such stretch, whichever replica checks first.
 */
@Component
public class StaleSources {
    private final BackgroundNotifications notifications;
    private final Duration after;

    StaleSources(BackgroundNotifications notifications, @Value("${stategraph.notifications.stale-after:PT48H}") Duration after) {
        this.notifications = notifications;
        this.after = after;
    }

    private record Stale(UUID tenantId, UUID sourceId, String status, String error) {
    }

    /** @return the sources found stale now */
    public int check() {
        Instant now = notifications.now();
        return notifications.database.tx().execute(s -> {
            // Marked in the same statement that finds them: a replica checking at the same time waits, then finds none.
            List<Stale> stale = notifications.database.jdbc().sql("UPDATE billing_sources SET stale_notified_at = ?"
                            + " WHERE enabled AND coalesce(last_synced_at, created_at) < ?"
                            + " AND (stale_notified_at IS NULL OR stale_notified_at < coalesce(last_synced_at, created_at))"
                            + " RETURNING tenant_id, id, last_status, last_error")
                    .params(Timestamp.from(now), Timestamp.from(now.minus(after)))
                    .query((rs, i) -> new Stale(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                            rs.getString("last_status"), rs.getString("last_error")))
                    .list();
            for (Stale source : stale) {
                notifications.notifyChannels(new NotificationEvent(NotificationEvent.SYNC_STALE, source.tenantId(), source.sourceId(),
                        null, source.status(), source.error(), List.of(), now));
            }
            return stale.size();
        });
    }
}
