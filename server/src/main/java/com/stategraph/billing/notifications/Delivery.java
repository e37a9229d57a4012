package com.stategraph.billing.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One event sent (or being sent) to one channel, with its attempts. */
@Schema(name = "NotificationDelivery")
public record Delivery(
        UUID id,
        @JsonProperty("channel_id") UUID channelId,
        String event,
        @Schema(description = "pending (a first attempt or a retry is due), delivered or failed (every attempt failed)") String status,
        int attempts,
        @Schema(nullable = true) @JsonProperty("last_error") String lastError,
        @Schema(nullable = true, description = "the HTTP status of the last attempt") @JsonProperty("response_status") Integer responseStatus,
        @JsonProperty("created_at") Instant createdAt,
        @Schema(nullable = true) @JsonProperty("last_attempt_at") Instant lastAttemptAt,
        @Schema(nullable = true) @JsonProperty("next_attempt_at") Instant nextAttemptAt,
        @Schema(nullable = true) @JsonProperty("delivered_at") Instant deliveredAt,
        NotificationEvent payload) {
}
