package com.stategraph.billing.estimates;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** A component with its price: exact decimal strings; price and monthly cost are null when the price book has no price for it. */
@Schema(name = "CostComponent")
public record PricedComponent(String name, String unit,
                              @Schema(description = "exact decimal") @JsonProperty("monthly_quantity") String monthlyQuantity,
                              @Schema(nullable = true, description = "USD per unit, exact decimal") String price,
                              @Schema(nullable = true, description = "exact decimal") @JsonProperty("monthly_cost") String monthlyCost) {
}
