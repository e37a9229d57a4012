package com.stategraph.billing.anomalies;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A day whose spend in one series left the series' own history. Money as exact decimal strings. */
@Schema(name = "CostAnomaly")
public record Anomaly(UUID id, LocalDate day,
                      @Schema(description = "service: a provider's (sub account, service); tag: a provider's tag value") String dimension,
                      String provider,
                      @Schema(nullable = true) @JsonProperty("sub_account_id") String subAccountId,
                      @Schema(nullable = true) @JsonProperty("service_name") String serviceName,
                      @Schema(nullable = true) @JsonProperty("tag_key") String tagKey,
                      @Schema(nullable = true) @JsonProperty("tag_value") String tagValue,
                      String currency,
                      @Schema(description = "effective cost the series' history expected for the day; 0 for new spend")
                      @JsonProperty("expected_cost") String expectedCost,
                      @JsonProperty("actual_cost") String actualCost,
                      @Schema(description = "actual - expected") String difference,
                      @Schema(description = "low, medium (a change of half the expected cost) or high (of all of it)") String severity,
                      @Schema(description = "active (one of the last 7 days), expired or dismissed") String status,
                      @JsonProperty("detected_at") Instant detectedAt,
                      @Schema(nullable = true) @JsonProperty("dismissed_at") Instant dismissedAt,
                      @Schema(nullable = true) @JsonProperty("dismissed_by") String dismissedBy,
                      @Schema(nullable = true) @JsonProperty("dismissed_reason") String dismissedReason) {

    public static final String ACTIVE = "active";
    public static final String EXPIRED = "expired";
    public static final String DISMISSED = "dismissed";
    /** How long an anomaly is news: its day and the six after it. */
    public static final int ACTIVE_DAYS = 7;
}
