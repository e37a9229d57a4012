package com.stategraph.billing.estimates;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The estimate of one resource instance.
 *
 * @param supported whether its type is priced or known to be free
 * @param noPrice whether a component has no price in the book (its cost is left out of the totals)
 */
@Schema(name = "InstanceCost")
public record InstanceCost(String address, String type, String provider, @Schema(nullable = true) String region, boolean supported,
                           @JsonProperty("no_price") boolean noPrice,
                           @Schema(description = "exact decimal") @JsonProperty("monthly_cost") String monthlyCost,
                           @Schema(description = "monthly cost / 730, to 10 decimal places") @JsonProperty("hourly_cost") String hourlyCost,
                           Map<String, String> tags, List<PricedComponent> components) {

    /** The usage keys its type takes (docs/estimates.md): what a usage-priced component with no quantity needs. */
    @JsonProperty("usage_keys")
    @Schema(description = "the usage keys its type takes, for PUT /states/{id}/usage")
    public java.util.List<String> usageKeys() {
        return new java.util.ArrayList<>(new java.util.TreeSet<>(UsageKeys.of(type).keySet()));
    }
}
