package com.stategraph.billing.statesources;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A remote backend whose state objects are synced as the tenant's Terraform states. */
@Schema(name = "StateSource")
public record StateSource(
        UUID id,
        @JsonProperty("tenant_id") UUID tenantId,
        @JsonProperty("source_uri") String sourceUri,
        @Schema(nullable = true, description = "AWS region of an s3:// bucket") String region,
        boolean enabled,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @Schema(nullable = true, allowableValues = {"running", "ok", "error"}) @JsonProperty("last_status") String lastStatus,
        @Schema(nullable = true) @JsonProperty("last_error") String lastError,
        @Schema(nullable = true) @JsonProperty("last_synced_at") Instant lastSyncedAt,
        @Schema(nullable = true, description = "states the last successful sync left from this source")
        @JsonProperty("last_state_count") Integer lastStateCount) {
}
