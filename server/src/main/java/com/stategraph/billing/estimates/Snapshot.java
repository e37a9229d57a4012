package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A state's estimate at one time: its totals; the instances are read apart. */
public record Snapshot(UUID id, UUID tenantId, UUID stateId, String stateName, boolean removed, Instant calculatedAt,
                       Instant stateUpdatedAt, Instant bookLoadedAt, BigDecimal monthlyCost, int resourceCount, int supportedCount,
                       int pricedCount) {

    /** Share of the state's instances that are supported and fully priced, in percent to two decimals. */
    public BigDecimal coveragePercent() {
        if (resourceCount == 0) {
            return BigDecimal.valueOf(100);
        }
        return BigDecimal.valueOf(pricedCount).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(resourceCount), 2, java.math.RoundingMode.HALF_EVEN);
    }
}
