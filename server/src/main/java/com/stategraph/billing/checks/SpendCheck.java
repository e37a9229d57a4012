package com.stategraph.billing.checks;

import java.util.UUID;

/** Something judged of a tenant's spend each time its billing rows change: anomalies, budgets. */
public interface SpendCheck {
    void check(UUID tenantId);
}
