package com.stategraph.billing.currency;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One unit of {@code from} is {@code rate} units of {@code to} in {@code month}. */
@Schema(name = "ExchangeRate")
public record ExchangeRate(String from, String to, @Schema(description = "YYYY-MM") String month,
                           @Schema(description = "exact decimal") String rate,
                           @Schema(allowableValues = {"csv", "manual"}) String source,
                           @JsonProperty("updated_at") Instant updatedAt, @JsonProperty("updated_by") String updatedBy,
                           @JsonProperty("final") @Schema(description = "a month before the current one: the rate never changes") boolean isFinal) {
}
