package com.stategraph.billing.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "BillingSource")
public record BillingSource(
        UUID id,
        @JsonProperty("tenant_id") UUID tenantId,
        String provider,
        @JsonProperty("source_uri") String sourceUri,
        @Schema(nullable = true) String region,
        @JsonProperty("window_months") int windowMonths,
        boolean enabled,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @Schema(nullable = true, allowableValues = {"running", "ok", "error"})
        @JsonProperty("last_status") String lastStatus,
        @Schema(nullable = true) @JsonProperty("last_error") String lastError,
        @Schema(nullable = true) @JsonProperty("last_synced_at") Instant lastSyncedAt,
        @Schema(nullable = true) @JsonProperty("last_row_count") Long lastRowCount) {
}
