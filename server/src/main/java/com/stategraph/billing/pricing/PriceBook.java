package com.stategraph.billing.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** What the loaded price book holds. */
@Schema(name = "PriceBook")
public record PriceBook(
        @Schema(description = "Products in the book; 0 before one is loaded") long products,
        @JsonProperty("by_vendor") @Schema(description = "Products per vendor (aws, gcp, azure)") Map<String, Long> byVendor,
        @JsonProperty("loaded_at") @Schema(nullable = true) Instant loadedAt) {
}
