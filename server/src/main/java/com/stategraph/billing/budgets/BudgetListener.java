package com.stategraph.billing.budgets;

import java.util.UUID;

/** Told of each threshold a budget crossed for the first time in its period, after it is recorded. */
public interface BudgetListener {
    void crossed(UUID tenantId, BudgetAlert alert);
}
