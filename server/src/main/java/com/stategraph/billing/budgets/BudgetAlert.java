package com.stategraph.billing.budgets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A threshold of a budget crossed in a period, as a notification tells it. */
@Schema(name = "BudgetThresholdCrossed")
public record BudgetAlert(@JsonProperty("budget_id") UUID budgetId, @JsonProperty("budget_name") String budgetName,
                          @JsonProperty("period_start") LocalDate periodStart,
                          @Schema(allowableValues = {"actual", "forecast"}) String type, BigDecimal percent,
                          String amount, String currency, String spent, @Schema(nullable = true) String forecast) {
}
