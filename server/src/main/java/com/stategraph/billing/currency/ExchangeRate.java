package com.stategraph.billing.currency;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One unit of {@code from} is {@code rate} units of {@code to} in {@code month}. */
@Schema(name = "ExchangeRate")
public record ExchangeRate(String from, String to, @Schema(description = "YYYY-MM") String month,
                           @Schema(description = "exact decimal") String rate,
                           @Schema(allowableValues = {"csv", "manual", "sample"}, description = "sample: a demo's rate, replaced by any the operator sets")
                           String source,
                           @JsonProperty("updated_at") Instant updatedAt,
                           @JsonProperty("updated_by") @Schema(nullable = true, description = "who set it: shown to the instance admin only")
                           String updatedBy,
                           @JsonProperty("final") @Schema(description = "a month before the current one: the rate never changes") boolean isFinal) {

    /** As a caller who is not the instance admin sees it: not who set it. */
    public ExchangeRate withoutWho() {
        return new ExchangeRate(from, to, month, rate, source, updatedAt, null, isFinal);
    }
}
