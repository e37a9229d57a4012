package com.stategraph.billing.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a channel is told, as a webhook receives it (JSON) and as Slack and email render it. */
@Schema(name = "NotificationEvent")
public record NotificationEvent(
        @Schema(description = "sync_failed, sync_warning, sync_stale or test") String event,
        @JsonProperty("tenant_id") UUID tenantId,
        @Schema(nullable = true) @JsonProperty("source_id") UUID sourceId,
        @Schema(nullable = true) @JsonProperty("run_id") UUID runId,
        @Schema(nullable = true, description = "the run's status: ok or error") String status,
        @Schema(nullable = true) String error,
        List<Warning> warnings,
        @JsonProperty("occurred_at") Instant occurredAt) {

    public static final String SYNC_FAILED = "sync_failed";
    public static final String SYNC_WARNING = "sync_warning";
    public static final String SYNC_STALE = "sync_stale";
    public static final String TEST = "test";
    /** The events a channel can take (a test is sent on demand, to one channel). */
    public static final List<String> EVENTS = List.of(SYNC_FAILED, SYNC_WARNING, SYNC_STALE);

    @Schema(name = "NotificationWarning")
    public record Warning(String code, String message, long count) {
    }

    /** One line for people: Slack's text and an email's subject. */
    public String headline() {
        return switch (event) {
            case SYNC_FAILED -> "Stategraph: a sync of billing source " + sourceId + " failed";
            case SYNC_WARNING -> "Stategraph: a sync of billing source " + sourceId + " finished with " + warnings.size()
                    + (warnings.size() == 1 ? " warning" : " warnings");
            case SYNC_STALE -> "Stategraph: billing source " + sourceId + " has not synced for 48 hours";
            default -> "Stategraph: test notification";
        };
    }

    /** The details for people, after the headline. */
    public String details() {
        StringBuilder out = new StringBuilder();
        out.append("Tenant: ").append(tenantId).append('\n');
        if (sourceId != null) {
            out.append("Source: ").append(sourceId).append('\n');
        }
        if (runId != null) {
            out.append("Run: ").append(runId).append(" (").append(status).append(")\n");
        }
        if (error != null) {
            out.append("Error: ").append(error).append('\n');
        }
        for (Warning w : warnings) {
            out.append("Warning ").append(w.code()).append(" (").append(w.count()).append("): ").append(w.message()).append('\n');
        }
        out.append("At: ").append(occurredAt).append('\n');
        return out.toString();
    }
}
