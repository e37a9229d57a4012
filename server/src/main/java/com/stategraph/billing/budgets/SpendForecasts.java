package com.stategraph.billing.budgets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.costs.Actuals;
import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.CostQueryParser;
import com.stategraph.billing.currency.ConvertedActuals;
import java.util.function.Function;
import com.stategraph.billing.domain.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Period-end forecasts of a tenant's spend, in all or in a scope, from the daily costs the cost views answer. */
@Service
public class SpendForecasts {
    private final ActualsService actuals;
    private final CostQueryParser parser;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConvertedActuals converted;

    SpendForecasts(ActualsService actuals, CostQueryParser parser, JdbcClient jdbc, Clock clock, ConvertedActuals converted) {
        this.converted = converted;
        this.actuals = actuals;
        this.parser = parser;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Schema(name = "SpendForecast")
    public record CurrencyForecast(String currency,
                                   @Schema(description = "spent in the period through the last loaded day") String spent,
                                   @Schema(nullable = true, description = "at the period's end; null without history") String forecast,
                                   @Schema(nullable = true, description = "95 % band") @JsonProperty("forecast_lower") String lower,
                                   @Schema(nullable = true) @JsonProperty("forecast_upper") String upper,
                                   @JsonProperty("days_remaining") long daysRemaining) {
    }

    @Schema(name = "SpendForecasts")
    public record Page(String month, String metric,
                       @Schema(nullable = true, description = "the last day with loaded spend") LocalDate through,
                       List<CurrencyForecast> results) {
    }

    /** The tenant's month-end forecast per currency; month {@code YYYY-MM}, default this one. */
    public Page month(UUID tenantId, String month, String metric) {
        return month(tenantId, month, metric, null);
    }

    /** The same, with every day's spend converted into {@code currency} at its month's rate (null: each currency apart). */
    public Page month(UUID tenantId, String month, String metric, String currency) {
        YearMonth m = month == null || month.isBlank() ? YearMonth.from(today()) : parseMonth(month);
        String asked = metric == null || metric.isBlank() ? "effective" : metric;
        Function<CostQuery, Actuals> view = currency == null || currency.isBlank() ? actuals::actuals
                : q -> converted.actuals(q, currency);
        Map<String, Forecaster.Forecast> found = forecast(tenantId, SpendScope.ALL, asked, m.atDay(1), m.plusMonths(1).atDay(1), view);
        List<CurrencyForecast> results = new ArrayList<>();
        LocalDate through = lastLoadedDay(tenantId);
        found.forEach((code, f) -> results.add(view(code, f)));
        return new Page(m.toString(), asked, through, results);
    }

    static CurrencyForecast view(String currency, Forecaster.Forecast f) {
        return new CurrencyForecast(currency, plain(f.spent()), plain(f.forecast()), plain(f.lower()), plain(f.upper()), f.daysRemaining());
    }

    /** Per currency of the scope's spend: the forecast of {@code [start, end)}. */
    Map<String, Forecaster.Forecast> forecast(UUID tenantId, SpendScope scope, String metric, LocalDate start, LocalDate end) {
        return forecast(tenantId, scope, metric, start, end, actuals::actuals);
    }

    /** Every currency's spend converted into {@code currency}: one forecast, keyed by it. */
    Map<String, Forecaster.Forecast> forecastIn(UUID tenantId, SpendScope scope, String metric, LocalDate start, LocalDate end,
                                                String currency) {
        return forecast(tenantId, scope, metric, start, end, q -> converted.actuals(q, currency));
    }

    private Map<String, Forecaster.Forecast> forecast(UUID tenantId, SpendScope scope, String metric, LocalDate start, LocalDate end,
                                                      Function<CostQuery, Actuals> view) {
        Map<String, Forecaster.Forecast> out = new LinkedHashMap<>();
        LocalDate last = lastLoadedDay(tenantId);
        if (last == null) {
            return out;
        }
        // a period that has ended is what was loaded for it; one still running is forecast after its last loaded day
        LocalDate through = last.isBefore(end) && end.isAfter(today()) ? last : end.minusDays(1);
        LocalDate trailing = through.minusDays(Forecaster.TRAILING_DAYS - 1L);
        LocalDate from = start.isBefore(trailing) ? start : trailing;
        // before the tenant's first loaded day spend is unknown, not zero
        LocalDate first = firstLoadedDay(tenantId);
        if (first != null && from.isBefore(first)) {
            from = first;
        }
        if (from.isAfter(through)) {
            return out;
        }
        Actuals daily = view.apply(parser.parse(tenantId, new CostQueryParser.Params(from.toString(), through.plusDays(1).toString(),
                metric, null, null, "day", scope.provider(), scope.service(), scope.subAccount(), null, null, scope.tags(), null, null,
                null, null)));
        int days = (int) (through.toEpochDay() - from.toEpochDay() + 1);
        for (Actuals.Group g : daily.results()) {
            BigDecimal[] costs = new BigDecimal[days];
            Arrays.fill(costs, BigDecimal.ZERO);
            for (Actuals.Point p : g.series()) {
                int at = (int) (p.period().toEpochDay() - from.toEpochDay());
                if (at >= 0 && at < days) {
                    costs[at] = costs[at].add(new BigDecimal(p.cost()));
                }
            }
            out.put(g.currency(), Forecaster.of(from, costs, start, end));
        }
        return out;
    }

    private LocalDate firstLoadedDay(UUID tenantId) {
        return jdbc.sql("SELECT min(day) FROM cost_daily WHERE tenant_id = ?").param(tenantId).query(LocalDate.class).optional().orElse(null);
    }

    /** The last day any of the tenant's sources has spend on. */
    LocalDate lastLoadedDay(UUID tenantId) {
        return jdbc.sql("SELECT max(day) FROM cost_daily WHERE tenant_id = ?").param(tenantId).query(LocalDate.class).optional().orElse(null);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("INVALID_PARAMETER", "month must be YYYY-MM, got '" + month + "'");
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : ActualsService.money(amount);
    }
}
