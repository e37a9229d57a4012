package com.stategraph.billing.anomalies;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.domain.ConflictException;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.domain.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's anomalies as people read and triage them. */
@Service
public class Anomalies {
    static final int MAX_REASON = 500;
    static final List<String> STATUSES = List.of(Anomaly.ACTIVE, Anomaly.EXPIRED, Anomaly.DISMISSED, "all");

    private final AnomalyStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Anomalies(AnomalyStore store, AuditLog audit, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** What makes a day's difference an anomaly in this tenant: both must hold. */
    @Schema(name = "AnomalySettings")
    public record Settings(
            @Schema(description = "Percent of the series' trailing monthly cost (0 to 100; default 1)", example = "1")
            @JsonProperty("min_impact_percent") java.math.BigDecimal minImpactPercent,
            @Schema(description = "Units of the series' currency (default 10)", example = "10")
            @JsonProperty("min_impact_amount") java.math.BigDecimal minImpactAmount) {
    }

    public Settings settings(UUID tenantId) {
        AnomalyDetector.Materiality m = store.materiality(tenantId);
        return new Settings(plain(m.share().movePointRight(2)), plain(m.amount()));
    }

    /** Sets what is material (a field left out keeps its value) and rescans the tenant with it. */
    @Transactional
    public Settings setSettings(Caller caller, UUID tenantId, Settings wanted) {
        Settings now = settings(tenantId);
        java.math.BigDecimal percent = wanted.minImpactPercent() == null ? now.minImpactPercent() : wanted.minImpactPercent();
        java.math.BigDecimal amount = wanted.minImpactAmount() == null ? now.minImpactAmount() : wanted.minImpactAmount();
        if (percent.signum() < 0 || percent.compareTo(java.math.BigDecimal.valueOf(100)) > 0 || percent.scale() > 3) {
            throw new InvalidInputException("INVALID_PARAMETER", "min_impact_percent must be from 0 to 100 with at most 3 decimals, got "
                    + percent.toPlainString());
        }
        if (amount.signum() < 0 || amount.compareTo(new java.math.BigDecimal("100000000000000")) >= 0 || amount.scale() > 6) {
            throw new InvalidInputException("INVALID_PARAMETER", "min_impact_amount must be 0 or more with at most 6 decimals, got "
                    + amount.toPlainString());
        }
        store.setMateriality(tenantId, percent, amount);
        audit.record(caller, tenantId, "cost_anomaly.settings", "tenant", tenantId,
                Map.of("min_impact_percent", percent.toPlainString(), "min_impact_amount", amount.toPlainString()));
        events.publishEvent(new com.stategraph.billing.checks.SpendChecksWanted(tenantId));
        return settings(tenantId);
    }

    @Schema(name = "CostAnomalies")
    public record Page(@JsonProperty("window_start") LocalDate windowStart, @JsonProperty("window_end") LocalDate windowEnd,
                       String status, List<Anomaly> results) {
    }

    /** Days {@code [from, to)} (default the last 30 days); status active, expired, dismissed or all (default). */
    public Page list(UUID tenantId, String from, String to, String status) {
        return list(tenantId, from, to, status, null);
    }

    /**
     * The same, each anomaly's amounts converted by {@code conversion} (given the window's first day and the
     * day after its last) at its day's month rate; null: in the currency the series is billed in.
     */
    public Page list(UUID tenantId, String from, String to, String status,
                     java.util.function.BiFunction<LocalDate, LocalDate, com.stategraph.billing.costs.MonthlyConversion> conversion) {
        LocalDate today = today();
        LocalDate end = date("to", to, today.plusDays(1));
        LocalDate start = date("from", from, end.minusDays(30));
        if (!start.isBefore(end)) {
            throw new InvalidInputException("INVALID_PARAMETER", "from (" + start + ") must be before to (" + end + ")");
        }
        String wanted = status == null || status.isBlank() ? "all" : status;
        if (!STATUSES.contains(wanted)) {
            throw new InvalidInputException("INVALID_PARAMETER", "status must be one of " + String.join(", ", STATUSES)
                    + ", got '" + status + "'");
        }
        var into = conversion == null ? null : conversion.apply(start, end);
        List<Anomaly> found = store.between(tenantId, start, end).stream().map(a -> a.view(today))
                .filter(a -> "all".equals(wanted) || a.status().equals(wanted))
                .map(a -> into == null ? a : converted(a, into)).toList();
        return new Page(start, end, wanted, found);
    }

    /** Dismisses it with the caller's reason; dismissing it twice is a conflict, so the first reason is never overwritten. */
    @Transactional
    public Anomaly dismiss(Caller caller, UUID tenantId, UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("INVALID_PARAMETER", "reason is required: say why this is not a problem");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("INVALID_PARAMETER", "reason is " + reason.length() + " characters; at most " + MAX_REASON);
        }
        store.find(tenantId, id).orElseThrow(() -> new NotFoundException("anomaly " + id + " not found"));
        String by = caller.email() != null ? caller.email() : caller.name();
        if (!store.dismiss(tenantId, id, by, reason.strip(), clock.instant())) {
            throw new ConflictException("anomaly " + id + " is already dismissed");
        }
        audit.record(caller, tenantId, "cost_anomaly.dismiss", "cost_anomaly", id, Map.of("reason", reason.strip()));
        return store.find(tenantId, id).orElseThrow().view(today());
    }

    private static Anomaly converted(Anomaly a, com.stategraph.billing.costs.MonthlyConversion into) {
        java.time.YearMonth month = java.time.YearMonth.from(a.day());
        java.math.BigDecimal expected = into.convert(new java.math.BigDecimal(a.expectedCost()), a.currency(), month);
        java.math.BigDecimal actual = into.convert(new java.math.BigDecimal(a.actualCost()), a.currency(), month);
        return new Anomaly(a.id(), a.day(), a.dimension(), a.provider(), a.subAccountId(), a.serviceName(), a.tagKey(), a.tagValue(),
                into.target(), com.stategraph.billing.costs.ActualsService.money(expected),
                com.stategraph.billing.costs.ActualsService.money(actual),
                com.stategraph.billing.costs.ActualsService.money(actual.subtract(expected)), a.severity(), a.status(), a.detectedAt(),
                a.dismissedAt(), a.dismissedBy(), a.dismissedReason());
    }

    /** 10, not 1E+1 nor 10.000000. */
    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        return new java.math.BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("INVALID_PARAMETER", name + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
