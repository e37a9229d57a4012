package com.stategraph.billing.attribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How much of a range's spend is attributed to Terraform-managed resources, unmanaged (a resource
 * no state manages) or unallocated (no ResourceId: taxes, support, fees, credits). Money as exact
 * decimal strings; the top-level amounts and {@code currency} are absent when the lines mix currencies
 * ({@code by_currency} has each).
 */
@Schema(name = "Attribution")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attribution(
        @JsonProperty("window_start") LocalDate windowStart,
        @JsonProperty("window_end") LocalDate windowEnd,
        String metric,
        @Schema(nullable = true) String currency,
        @Schema(nullable = true) @JsonProperty("total_cost") String totalCost,
        @Schema(nullable = true) @JsonProperty("attributed_cost") String attributedCost,
        @Schema(nullable = true) @JsonProperty("unmanaged_cost") String unmanagedCost,
        @Schema(nullable = true) @JsonProperty("unallocated_cost") String unallocatedCost,
        @Schema(nullable = true, description = "attributed cost per 100 of the total, two decimals")
        @JsonProperty("coverage_percent") String coveragePercent,
        @JsonProperty("line_count") long lineCount,
        @JsonProperty("attributed_count") long attributedCount,
        @JsonProperty("unmanaged_count") long unmanagedCount,
        @JsonProperty("unallocated_count") long unallocatedCount,
        @Schema(description = "lines loaded since the last attribution") @JsonProperty("uncomputed_count") long uncomputedCount,
        @JsonProperty("by_currency") List<Split> byCurrency,
        @JsonProperty("by_provider") List<Split> byProvider,
        @Schema(nullable = true) @JsonProperty("computed_at") Instant computedAt,
        @Schema(nullable = true) @JsonProperty("matcher_version") Integer matcherVersion) {

    /** One currency's (and, in by_provider, one provider's) split. */
    @Schema(name = "AttributionSplit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Split(@Schema(nullable = true) String provider, String currency,
                        @JsonProperty("total_cost") String totalCost, @JsonProperty("attributed_cost") String attributedCost,
                        @JsonProperty("unmanaged_cost") String unmanagedCost, @JsonProperty("unallocated_cost") String unallocatedCost,
                        @Schema(nullable = true) @JsonProperty("coverage_percent") String coveragePercent,
                        @JsonProperty("line_count") long lineCount) {
    }
}
