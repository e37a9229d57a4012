package com.stategraph.billing.costs;

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
        List<Group> results) {

    @Schema(name = "CurrencyTotal")
    public record CurrencyTotal(String currency, @Schema(description = "exact decimal", example = "1234.567") String cost) {
    }

    @Schema(name = "ActualsGroup")
    public record Group(
            @Schema(description = "the group's value; 'total' without grouping, 'untagged' for rows without the tag key,"
                    + " 'other' for the groups beyond the limit, '(none)' where the column is empty") String key,
            String currency,
            @Schema(description = "exact decimal") String cost,
            List<Point> series) {
    }

    @Schema(name = "ActualsPoint")
    public record Point(@Schema(description = "first day of the day or month; the range start for total") LocalDate period,
                        @Schema(description = "exact decimal") String cost) {
    }
}
