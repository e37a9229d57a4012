package com.stategraph.billing.budgets;

import com.stategraph.billing.checks.SpendCheck;
import com.stategraph.billing.costs.ActualsService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After each change to a tenant's spend: each threshold of each budget that the spend so far (actual)
 * or the period-end forecast (forecast) reached is recorded once per period and told to the listeners.
 */
@Service
public class BudgetCheck implements SpendCheck {
    private static final Logger log = LoggerFactory.getLogger(BudgetCheck.class);

    private final Budgets budgets;
    private final BudgetStore store;
    private final TransactionTemplate tx;
    private final List<BudgetListener> listeners;
    private final java.time.Clock clock;

    BudgetCheck(Budgets budgets, BudgetStore store, TransactionTemplate tx, List<BudgetListener> listeners, java.time.Clock clock) {
        this.budgets = budgets;
        this.store = store;
        this.tx = tx;
        this.listeners = listeners;
        this.clock = clock;
    }

    @Override
    public void check(UUID tenantId) {
        checkAndCount(tenantId);
    }

    /** The check; how many thresholds it found crossed for the first time in their period. */
    public int checkAndCount(UUID tenantId) {
        List<BudgetAlert> crossed = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (BudgetStore.Stored b : budgets.stored(tenantId)) {
                Budgets.Measured m = budgets.measure(tenantId, b);
                for (Budget.Threshold t : b.thresholds()) {
                    BigDecimal reached = Budget.ACTUAL.equals(t.type()) ? m.spent() : m.projected();
                    BigDecimal line = b.amount().multiply(t.percent()).divide(BigDecimal.valueOf(100));
                    if (reached != null && reached.compareTo(line) >= 0
                            && store.recordAlert(tenantId, b.id(), m.start(), t, m.spent(), m.projected(), clock.instant())) {
                        crossed.add(new BudgetAlert(b.id(), b.name(), m.start(), t.type(), t.percent(), ActualsService.money(b.amount()),
                                b.currency(), ActualsService.money(m.spent()),
                                m.projected() == null ? null : ActualsService.money(m.projected())));
                    }
                }
            }
        });
        for (BudgetAlert alert : crossed) {
            for (BudgetListener listener : listeners) {
                try {
                    listener.crossed(tenantId, alert);
                } catch (RuntimeException e) {
                    log.warn("budget listener {} failed for tenant {}", listener.getClass().getSimpleName(), tenantId, e);
                }
            }
        }
        return crossed.size();
    }
}
