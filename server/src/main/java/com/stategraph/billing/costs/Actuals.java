package com.stategraph.billing.costs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The answer to a cost view: exact decimal strings, one result per group and currency. */
@Schema(name = "Actuals")
public record Actuals(
        LocalDate from,
        LocalDate to,
        @Schema(allowableValues = {"billed", "effective", "list", "contracted"}) String metric,
        @Schema(nullable = true, description = "null when the costs are not grouped") @JsonProperty("group_by") String groupBy,
        @Schema(allowableValues = {"total", "day", "month"}) String granularity,
        List<CurrencyTotal> totals,
        List<Group> results,
        @Schema(nullable = true, description = "with currency=XXX only: each rate the answer was converted at")
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("exchange_rates") List<com.stategraph.billing.currency.AppliedRate> exchangeRates) {

    public Actuals(LocalDate from, LocalDate to, String metric, String groupBy, String granularity, List<CurrencyTotal> totals,
                   List<Group> results) {
        this(from, to, metric, groupBy, granularity, totals, results, null);
    }

    @Schema(name = "CurrencyTotal")
    public record CurrencyTotal(String currency, @Schema(description = "exact decimal", example = "1234.567") String cost) {
    }

    @Schema(name = "ActualsGroup")
    public record Group(
            @Schema(description = "the group's value; 'total' without grouping, 'untagged' for rows without the tag key,"
                    + " 'other' for the groups beyond the limit, '(none)' where the column is empty") String key,
            String currency,
            @Schema(description = "exact decimal") String cost,
            List<Point> series,
            @Schema(nullable = true, description = "with currency=XXX only: the group's cost in each currency it was billed in, unconverted")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CurrencyTotal> original) {

        public Group(String key, String currency, String cost, List<Point> series) {
            this(key, currency, cost, series, null);
        }
    }

    @Schema(name = "ActualsPoint")
    public record Point(@Schema(description = "first day of the day or month; the range start for total") LocalDate period,
                        @Schema(description = "exact decimal") String cost) {
    }
}
