package com.stategraph.billing.notifications;

import com.stategraph.billing.anomalies.Anomaly;
import com.stategraph.billing.anomalies.AnomalyListener;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The new active anomalies of one scan are one {@code anomaly} event. */
@Component
class AnomalyNotifier implements AnomalyListener {
    private final BackgroundNotifications notifications;

    AnomalyNotifier(BackgroundNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void found(UUID tenantId, List<Anomaly> anomalies) {
        NotificationEvent event = new NotificationEvent(NotificationEvent.ANOMALY, tenantId, null, null, null, null, List.of(),
                notifications.now(), anomalies, null);
        notifications.database.tx().executeWithoutResult(s -> notifications.notifyChannels(event));
    }
}
