package com.stategraph.billing.estimates;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The answers of the estimate views: money as exact decimal strings, in USD (the price book's currency). */
public final class EstimateViews {
    private EstimateViews() {
    }

    @Schema(name = "StateCosts")
    public record StateCosts(@JsonProperty("state_id") UUID stateId, @JsonProperty("snapshot_id") UUID snapshotId,
                             @JsonProperty("calculated_at") Instant calculatedAt, String currency,
                             @JsonProperty("monthly_cost") String monthlyCost, @JsonProperty("hourly_cost") String hourlyCost,
                             @JsonProperty("resource_count") int resourceCount, @JsonProperty("supported_count") int supportedCount,
                             @JsonProperty("priced_count") int pricedCount,
                             @Schema(description = "priced instances (supported, every component priced) per 100 instances")
                             @JsonProperty("coverage_percent") String coveragePercent,
                             @JsonProperty("instance_costs") List<InstanceCost> instanceCosts) {
    }

    @Schema(name = "Computing")
    public record Computing(@Schema(allowableValues = "computing") String status) {
    }

    @Schema(name = "UnsupportedType")
    public record UnsupportedType(String type, String provider, @JsonProperty("resource_count") int resourceCount, List<String> addresses) {
    }

    @Schema(name = "EstimateGroup")
    public record Group(@Schema(description = "the provider, type or tag value; 'untagged' for instances without the tag key") String key,
                        @JsonProperty("monthly_cost") String monthlyCost, @JsonProperty("resource_count") int resourceCount) {
    }

    @Schema(name = "StateEstimate")
    public record StateEstimate(@JsonProperty("state_id") UUID stateId, String name, @JsonProperty("snapshot_id") UUID snapshotId,
                                @JsonProperty("calculated_at") Instant calculatedAt, @JsonProperty("monthly_cost") String monthlyCost,
                                @JsonProperty("resource_count") int resourceCount,
                                @JsonProperty("coverage_percent") String coveragePercent) {
    }

    @Schema(name = "TenantEstimate")
    public record TenantEstimate(String currency, @JsonProperty("monthly_cost") String monthlyCost,
                                 @JsonProperty("hourly_cost") String hourlyCost, @JsonProperty("resource_count") int resourceCount,
                                 @JsonProperty("coverage_percent") String coveragePercent,
                                 @Schema(nullable = true) @JsonProperty("tag_key") String tagKey,
                                 @JsonProperty("by_provider") List<Group> byProvider, @JsonProperty("by_type") List<Group> byType,
                                 @Schema(description = "empty without tag_key") @JsonProperty("by_tag") List<Group> byTag,
                                 List<StateEstimate> states) {
    }

    @Schema(name = "EstimatePoint")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Point(LocalDate date, @JsonProperty("monthly_cost") String monthlyCost, List<Group> groups) {
    }

    @Schema(name = "EstimateHistory")
    public record History(LocalDate from, LocalDate to, String currency,
                          @Schema(nullable = true, allowableValues = {"provider", "type", "tag", "state"}) @JsonProperty("group_by") String groupBy,
                          @Schema(nullable = true) @JsonProperty("tag_key") String tagKey, List<Point> points) {
    }
}
