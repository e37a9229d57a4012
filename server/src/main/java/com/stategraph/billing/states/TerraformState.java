package com.stategraph.billing.states;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "TerraformState")
public record TerraformState(
        UUID id,
        @JsonProperty("tenant_id") UUID tenantId,
        String name,
        long serial,
        @Schema(nullable = true) String lineage,
        @Schema(nullable = true) @JsonProperty("terraform_version") String terraformVersion,
        @Schema(description = "Managed resource instances") @JsonProperty("resource_count") int resourceCount,
        @Schema(description = "\"upload\", or the URI of the object a state source read it from") String source,
        @JsonProperty("updated_at") Instant updatedAt) {
}
