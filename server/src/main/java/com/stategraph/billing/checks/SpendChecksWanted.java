package com.stategraph.billing.checks;

import java.util.UUID;

/** Published in a transaction that changed what a tenant's spend is checked against (a budget): the checks run again after it commits. */
public record SpendChecksWanted(UUID tenantId) {
}
