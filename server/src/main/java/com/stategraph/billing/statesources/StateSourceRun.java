package com.stategraph.billing.statesources;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One sync of a state source: what it found, what it changed, and what it could not read. */
@Schema(name = "StateSourceRun")
public record StateSourceRun(
        UUID id,
        @JsonProperty("source_id") UUID sourceId,
        @Schema(allowableValues = {"queued", "running", "ok", "error"}) String status,
        @Schema(allowableValues = {"scheduled", "manual"}) String trigger,
        @Schema(nullable = true) @JsonProperty("requested_by") String requestedBy,
        @JsonProperty("requested_at") Instant requestedAt,
        @Schema(nullable = true) @JsonProperty("started_at") Instant startedAt,
        @Schema(nullable = true) @JsonProperty("finished_at") Instant finishedAt,
        @Schema(description = "state objects the URI matched") int objects,
        @JsonProperty("states_pushed") int statesPushed,
        @Schema(description = "objects not changed since they were last read") @JsonProperty("states_unchanged") int statesUnchanged,
        @Schema(description = "states whose object is gone") @JsonProperty("states_removed") int statesRemoved,
        @Schema(nullable = true) String error,
        @Schema(description = "objects that were not made states, each with why") List<String> warnings) {
}
