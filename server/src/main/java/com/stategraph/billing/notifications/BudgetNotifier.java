package com.stategraph.billing.notifications;

import com.stategraph.billing.budgets.BudgetAlert;
import com.stategraph.billing.budgets.BudgetListener;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Each budget threshold crossed is one {@code budget} event. */
@Component
class BudgetNotifier implements BudgetListener {
    private final BackgroundNotifications notifications;

    BudgetNotifier(BackgroundNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void crossed(UUID tenantId, BudgetAlert alert) {
        NotificationEvent event = new NotificationEvent(NotificationEvent.BUDGET, tenantId, null, null, null, null, List.of(),
                notifications.now(), null, alert);
        notifications.database.tx().executeWithoutResult(s -> notifications.notifyChannels(event));
    }
}
