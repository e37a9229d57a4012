package com.stategraph.billing.currency;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A rate an answer was converted at: the pair's own, or one over its reverse's ({@code inverse}). */
@Schema(name = "AppliedExchangeRate")
public record AppliedRate(String from, String to, @Schema(description = "YYYY-MM") String month,
                          @Schema(description = "exact decimal; 16 significant digits when inverse") String rate, boolean inverse,
                          @JsonIgnore BigDecimal value) {
}
