package com.stategraph.billing.costs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Month to date against the same days of last month and last month in full, and what each source has loaded. */
@Schema(name = "CostSummary")
public record CostSummary(
        @Schema(allowableValues = {"billed", "effective", "list", "contracted"}) String metric,
        @JsonProperty("month_to_date") Range monthToDate,
        @JsonProperty("previous_month_same_days") Range previousMonthSameDays,
        @JsonProperty("previous_month") Range previousMonth,
        List<SourcePeriods> sources) {

    @Schema(name = "CostSummaryRange")
    public record Range(LocalDate from, LocalDate to, List<Actuals.CurrencyTotal> totals) {
    }

    @Schema(name = "CostSummarySource")
    public record SourcePeriods(@JsonProperty("source_id") UUID sourceId, String provider,
                                @JsonProperty("source_uri") String sourceUri,
                                @Schema(nullable = true) @JsonProperty("last_synced_at") Instant lastSyncedAt,
                                List<Period> periods) {
    }

    @Schema(name = "CostSummaryPeriod")
    public record Period(@JsonProperty("billing_period") LocalDate billingPeriod, long rows,
                         @JsonProperty("synced_at") Instant syncedAt) {
    }
}
