package com.stategraph.billing.budgets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A budget as the API answers it, with its status in the period that holds today. Money as exact decimal strings. */
@Schema(name = "Budget")
public record Budget(UUID id, String name,
                     @Schema(allowableValues = {"monthly", "quarterly"}) String period,
                     String amount, String currency,
                     @Schema(allowableValues = {"effective", "billed", "list", "contracted"}) String metric,
                     SpendScope filters, List<Threshold> thresholds,
                     @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt,
                     Status status) {

    public static final String MONTHLY = "monthly";
    public static final String QUARTERLY = "quarterly";
    public static final String ACTUAL = "actual";
    public static final String FORECAST = "forecast";

    @Schema(name = "BudgetThreshold")
    public record Threshold(@Schema(allowableValues = {"actual", "forecast"}) String type,
                            @Schema(description = "percent of the amount, e.g. 80") BigDecimal percent) {
    }

    @Schema(name = "BudgetAlert")
    public record Alert(String type, BigDecimal percent, @JsonProperty("alerted_at") Instant alertedAt, String spent,
                        @Schema(nullable = true) String forecast) {
    }

    @Schema(name = "BudgetStatus")
    public record Status(@JsonProperty("period_start") LocalDate periodStart, @JsonProperty("period_end") LocalDate periodEnd,
                         @Schema(nullable = true, description = "the last day with loaded spend") LocalDate through,
                         @Schema(description = "in the budget's currency; other currencies' lines converted at their month's rate")
                         String spent,
                         @JsonProperty("spent_percent") String spentPercent,
                         @Schema(nullable = true, description = "at the period's end; null without history") String forecast,
                         @Schema(nullable = true) @JsonProperty("forecast_lower") String forecastLower,
                         @Schema(nullable = true) @JsonProperty("forecast_upper") String forecastUpper,
                         @Schema(nullable = true) @JsonProperty("forecast_percent") String forecastPercent,
                         @Schema(description = "amount - spent; negative when over") String remaining,
                         @JsonProperty("days_remaining") long daysRemaining,
                         @Schema(description = "the thresholds crossed in this period, and when each was alerted") List<Alert> alerts,
                         @Schema(nullable = true, description = "why lines in other currencies are not counted: a missing exchange rate")
                         @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                         String warning) {
    }
}
