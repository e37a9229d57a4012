package com.stategraph.billing.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import com.stategraph.billing.format.ConformanceFindings;
import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.util.UUID;

/** One sync of one billing source, from the request to its outcome. */
@Schema(name = "SyncRun")
public record SyncRun(
        UUID id,
        @JsonProperty("source_id") UUID sourceId,
        @Schema(allowableValues = {"queued", "running", "ok", "error"}) String status,
        @Schema(allowableValues = {"scheduled", "manual", "backfill"}) String trigger,
        @JsonProperty("requested_at") Instant requestedAt,
        @Schema(nullable = true) @JsonProperty("started_at") Instant startedAt,
        @Schema(nullable = true) @JsonProperty("finished_at") Instant finishedAt,
        @Schema(nullable = true) @JsonProperty("window_start") LocalDate windowStart,
        @Schema(nullable = true) @JsonProperty("window_end") LocalDate windowEnd,
        int files,
        long bytes,
        long rows,
        @Schema(nullable = true) String error,
        List<ConformanceFindings.Warning> warnings,
        @Schema(description = "how many of the run's files were of each FOCUS version (from the file's columns, or"
                + " the export manifest where it says)")
        @JsonProperty("focus_versions") List<FocusVersionCount> focusVersions,
        @Schema(description = "billing periods of the window kept as they were because none of their files changed since"
                + " they were loaded (not read again)")
        List<UnchangedPeriod> unchanged) {

    /** Files of one FOCUS version in a run. */
    @Schema(name = "FocusVersionCount")
    public record FocusVersionCount(String version, int files) {
    }

    /** A billing period a run kept: its month (YYYY-MM), the rows it kept, and the unchanged files holding them. */
    @Schema(name = "UnchangedPeriod")
    public record UnchangedPeriod(@Schema(example = "2026-10") String period, long rows, int files) {
    }
}
