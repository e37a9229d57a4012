package com.stategraph.billing.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where a tenant is told about its syncs. */
@Schema(name = "NotificationChannel")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationChannel(
        UUID id,
        @Schema(description = "webhook, slack or email") String type,
        @Schema(description = "the URL or address; a URL's query and a Slack URL's token are hidden") String target,
        List<String> events,
        @JsonProperty("created_at") Instant createdAt,
        @Schema(nullable = true, description = "a webhook's HMAC-SHA256 key, answered once, when the channel is created")
        @JsonProperty("signing_secret") String signingSecret) {

    NotificationChannel withSecret(String secret) {
        return new NotificationChannel(id, type, target, events, createdAt, secret);
    }
}
