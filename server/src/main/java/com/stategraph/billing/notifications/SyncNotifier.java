package com.stategraph.billing.notifications;

import com.stategraph.billing.sync.SyncFinished;
import com.stategraph.billing.sync.SyncListener;
import org.springframework.stereotype.Component;

/** A failed sync is a {@code sync_failed} event; one that finished with warnings, {@code sync_warning}. */
@Component
class SyncNotifier implements SyncListener {
    private final BackgroundNotifications notifications;

    SyncNotifier(BackgroundNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void finished(SyncFinished run) {
        String event = !run.ok() ? NotificationEvent.SYNC_FAILED
                : run.warnings().isEmpty() ? null : NotificationEvent.SYNC_WARNING;
        if (event == null) {
            return;
        }
        NotificationEvent payload = new NotificationEvent(event, run.tenantId(), run.sourceId(), run.runId(), run.status(), run.error(),
                run.warnings().stream().map(w -> new NotificationEvent.Warning(w.code(), w.message(), w.count())).toList(),
                run.finishedAt());
        notifications.database.tx().executeWithoutResult(s -> notifications.notifyChannels(payload));
    }
}
