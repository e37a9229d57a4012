package com.stategraph.billing.attribution;

import java.util.UUID;

/** Published when a tenant's billing rows changed (a sync committed, a source was removed): their attribution is out of date. */
public record BillingRowsChanged(UUID tenantId) {
}
