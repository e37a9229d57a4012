package com.stategraph.billing.budgets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.Metric;
import com.stategraph.billing.domain.ConflictException;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.domain.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import com.stategraph.billing.checks.SpendChecksWanted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's budgets: kept, checked, and shown with their status in the period that holds today. */
@Service
public class Budgets {
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 512;
    static final int MAX_THRESHOLDS = 10;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");
    static final BigDecimal MAX_PERCENT = new BigDecimal("1000");
    static final List<Budget.Threshold> DEFAULT_THRESHOLDS = List.of(new Budget.Threshold(Budget.ACTUAL, new BigDecimal("80")),
            new Budget.Threshold(Budget.ACTUAL, new BigDecimal("100")), new Budget.Threshold(Budget.FORECAST, new BigDecimal("100")));
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final BudgetStore store;
    private final SpendForecasts forecasts;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Budgets(BudgetStore store, SpendForecasts forecasts, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.forecasts = forecasts;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "BudgetRequest")
    public record Request(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_NAME) String name,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"monthly", "quarterly"}) String period,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "greater than 0") BigDecimal amount,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 4217, e.g. USD") String currency,
                          @Schema(description = "default effective") String metric,
                          @Schema(description = "default: all of the tenant's spend") SpendScope filters,
                          @Schema(description = "default: actual 80 and 100, forecast 100") List<Budget.Threshold> thresholds) {
    }

    @Transactional
    public Budget create(Caller caller, UUID tenantId, Request request) {
        var now = clock.instant();
        BudgetStore.Stored b = valid(UUID.randomUUID(), request, now, now);
        if (store.nameTaken(tenantId, b.name(), null)) {
            throw new ConflictException("BUDGET_EXISTS", "a budget named '" + b.name() + "' already exists");
        }
        store.insert(tenantId, b);
        audit.record(caller, tenantId, "budget.create", "budget", b.id(), detail(b));
        events.publishEvent(new SpendChecksWanted(tenantId));
        return view(tenantId, b);
    }

    @Transactional
    public Budget update(Caller caller, UUID tenantId, UUID id, Request request) {
        BudgetStore.Stored old = stored(tenantId, id);
        BudgetStore.Stored b = valid(id, request, old.createdAt(), clock.instant());
        if (store.nameTaken(tenantId, b.name(), id)) {
            throw new ConflictException("BUDGET_EXISTS", "a budget named '" + b.name() + "' already exists");
        }
        store.update(tenantId, b);
        audit.record(caller, tenantId, "budget.update", "budget", id, detail(b));
        events.publishEvent(new SpendChecksWanted(tenantId));
        return view(tenantId, b);
    }

    @Transactional
    public void delete(Caller caller, UUID tenantId, UUID id) {
        BudgetStore.Stored old = stored(tenantId, id);
        store.delete(tenantId, id);
        audit.record(caller, tenantId, "budget.delete", "budget", id, Map.of("name", old.name()));
    }

    public Budget get(UUID tenantId, UUID id) {
        return view(tenantId, stored(tenantId, id));
    }

    public List<Budget> list(UUID tenantId) {
        return store.list(tenantId).stream().map(b -> view(tenantId, b)).toList();
    }

    List<BudgetStore.Stored> stored(UUID tenantId) {
        return store.list(tenantId);
    }

    private BudgetStore.Stored stored(UUID tenantId, UUID id) {
        return store.find(tenantId, id).orElseThrow(() -> new NotFoundException("budget " + id + " not found"));
    }

    /** The budget with its status now. */
    Budget view(UUID tenantId, BudgetStore.Stored b) {
        Measured m = measure(tenantId, b);
        return new Budget(b.id(), b.name(), b.period(), ActualsService.money(b.amount()), b.currency(), b.metric(), b.scope(), b.thresholds(),
                b.createdAt(), b.updatedAt(), m.status(store.alerts(tenantId, b.id(), m.start())));
    }

    /** A budget's spend and forecast in the period that holds today. */
    record Measured(BudgetStore.Stored budget, LocalDate start, LocalDate end, LocalDate through, Forecaster.Forecast forecast,
                    String warning) {
        BigDecimal spent() {
            return forecast == null ? BigDecimal.ZERO : forecast.spent();
        }

        BigDecimal projected() {
            return forecast == null ? null : forecast.forecast();
        }

        Budget.Status status(List<Budget.Alert> alerts) {
            BigDecimal amount = budget.amount();
            return new Budget.Status(start, end, through, ActualsService.money(spent()), percent(spent(), amount),
                    projected() == null ? null : ActualsService.money(projected()),
                    forecast == null || forecast.lower() == null ? null : ActualsService.money(forecast.lower()),
                    forecast == null || forecast.upper() == null ? null : ActualsService.money(forecast.upper()),
                    projected() == null ? null : percent(projected(), amount), ActualsService.money(amount.subtract(spent())),
                    forecast == null ? Math.max(0, end.toEpochDay() - Math.max(start.toEpochDay(), through == null ? 0
                            : through.toEpochDay() + 1)) : forecast.daysRemaining(), alerts, warning);
        }

        private static String percent(BigDecimal part, BigDecimal whole) {
            return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN).toPlainString();
        }
    }

    Measured measure(UUID tenantId, BudgetStore.Stored b) {
        LocalDate today = forecasts.today();
        LocalDate start = Budget.QUARTERLY.equals(b.period())
                ? today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1) : today.withDayOfMonth(1);
        LocalDate end = start.plusMonths(Budget.QUARTERLY.equals(b.period()) ? 3 : 1);
        // every currency's lines count, converted at their month's rate; without a rate, only the budget's own currency
        Map<String, Forecaster.Forecast> all;
        String warning = null;
        try {
            all = forecasts.forecastIn(tenantId, b.scope(), b.metric(), start, end, b.currency());
        } catch (InvalidInputException e) {
            all = forecasts.forecast(tenantId, b.scope(), b.metric(), start, end);
            if (all.keySet().stream().anyMatch(c -> !c.equals(b.currency()))) {
                warning = e.getMessage() + "; lines in other currencies are not counted until it is set";
            }
        }
        LocalDate last = forecasts.lastLoadedDay(tenantId);
        LocalDate through = last == null ? null : last.isBefore(end) ? last : end.minusDays(1);
        Forecaster.Forecast f = all.get(b.currency());
        if (f == null && last != null) {
            // nothing in this currency in the scope: none spent, none expected
            f = new Forecaster.Forecast(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, through,
                    Math.max(0, end.toEpochDay() - Math.max(start.toEpochDay(), through.toEpochDay() + 1)));
        }
        return new Measured(b, start, end, through, f, warning);
    }

    private BudgetStore.Stored valid(UUID id, Request r, java.time.Instant created, java.time.Instant updated) {
        if (r == null) {
            throw new InvalidInputException("INVALID_PARAMETER", "a budget needs name, period, amount and currency");
        }
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidInputException("INVALID_PARAMETER", "name is required, at most " + MAX_NAME + " characters");
        }
        if (!Budget.MONTHLY.equals(r.period()) && !Budget.QUARTERLY.equals(r.period())) {
            throw new InvalidInputException("INVALID_PARAMETER", "period must be monthly or quarterly, got "
                    + (r.period() == null ? "nothing" : "'" + r.period() + "'"));
        }
        if (r.amount() == null || r.amount().signum() <= 0 || r.amount().compareTo(MAX_AMOUNT) >= 0) {
            throw new InvalidInputException("INVALID_PARAMETER", "amount must be a number greater than 0 and below 10^15, got "
                    + (r.amount() == null ? "nothing" : r.amount().toPlainString()));
        }
        if (r.currency() == null || !CURRENCY.matcher(r.currency()).matches()) {
            throw new InvalidInputException("INVALID_PARAMETER", "currency must be an ISO 4217 code such as USD, got "
                    + (r.currency() == null ? "nothing" : "'" + r.currency() + "'"));
        }
        String metric = r.metric() == null || r.metric().isBlank() ? Metric.EFFECTIVE.value() : Metric.parse(r.metric()).value();
        SpendScope scope = r.filters() == null ? SpendScope.ALL : r.filters();
        text("filters.provider", scope.provider());
        text("filters.service", scope.service());
        text("filters.sub_account", scope.subAccount());
        for (String tag : scope.tags()) {
            text("filters.tags", tag);
            if (tag.indexOf(':') <= 0) {
                throw new InvalidInputException("INVALID_PARAMETER", "filters.tags: each is K:V (a tag key, a colon, its value), got '"
                        + tag + "'");
            }
        }
        return new BudgetStore.Stored(id, name, r.period(), r.amount(), r.currency(), metric, scope, thresholds(r.thresholds()),
                created, updated);
    }

    private static List<Budget.Threshold> thresholds(List<Budget.Threshold> asked) {
        if (asked == null) {
            return DEFAULT_THRESHOLDS;
        }
        if (asked.size() > MAX_THRESHOLDS) {
            throw new InvalidInputException("INVALID_PARAMETER", "at most " + MAX_THRESHOLDS + " thresholds, got " + asked.size());
        }
        Map<String, Budget.Threshold> unique = new LinkedHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            Budget.Threshold t = asked.get(i);
            if (t == null || (!Budget.ACTUAL.equals(t.type()) && !Budget.FORECAST.equals(t.type()))) {
                throw new InvalidInputException("INVALID_PARAMETER", "thresholds[" + i + "].type must be actual or forecast");
            }
            if (t.percent() == null || t.percent().signum() <= 0 || t.percent().compareTo(MAX_PERCENT) > 0) {
                throw new InvalidInputException("INVALID_PARAMETER", "thresholds[" + i + "].percent must be above 0 and at most 1000");
            }
            Budget.Threshold clean = new Budget.Threshold(t.type(), t.percent().stripTrailingZeros());
            unique.putIfAbsent(clean.type() + ":" + clean.percent().toPlainString(), clean);
        }
        return new ArrayList<>(unique.values());
    }

    private static void text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidInputException("INVALID_PARAMETER", field + " is " + value.length() + " characters; at most " + MAX_TEXT);
        }
    }

    private static Map<String, Object> detail(BudgetStore.Stored b) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", b.name());
        d.put("period", b.period());
        d.put("amount", b.amount().toPlainString());
        d.put("currency", b.currency());
        return d;
    }
}
