package com.stategraph.billing.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.anomalies.Anomaly;
import com.stategraph.billing.budgets.BudgetAlert;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a channel is told, as a webhook receives it (JSON) and as Slack and email render it. */
@Schema(name = "NotificationEvent")
public record NotificationEvent(
        @Schema(description = "sync_failed, sync_warning, sync_stale, anomaly, budget or test") String event,
        @JsonProperty("tenant_id") UUID tenantId,
        @Schema(nullable = true) @JsonProperty("source_id") UUID sourceId,
        @Schema(nullable = true) @JsonProperty("run_id") UUID runId,
        @Schema(nullable = true, description = "the run's status: ok or error") String status,
        @Schema(nullable = true) String error,
        List<Warning> warnings,
        @JsonProperty("occurred_at") Instant occurredAt,
        @Schema(nullable = true, description = "anomaly events only: the new active anomalies one scan found")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Anomaly> anomalies,
        @Schema(nullable = true, description = "budget events only: the threshold crossed")
        @JsonInclude(JsonInclude.Include.NON_NULL) BudgetAlert budget) {

    public static final String SYNC_FAILED = "sync_failed";
    public static final String SYNC_WARNING = "sync_warning";
    public static final String SYNC_STALE = "sync_stale";
    public static final String ANOMALY = "anomaly";
    public static final String BUDGET = "budget";
    public static final String TEST = "test";
    /** The events a channel can take (a test is sent on demand, to one channel). */
    public static final List<String> EVENTS = List.of(SYNC_FAILED, SYNC_WARNING, SYNC_STALE, ANOMALY, BUDGET);

    /** A sync's event, or a test: no anomalies. */
    public NotificationEvent(String event, UUID tenantId, UUID sourceId, UUID runId, String status, String error, List<Warning> warnings,
                             Instant occurredAt) {
        this(event, tenantId, sourceId, runId, status, error, warnings, occurredAt, null, null);
    }

    @Schema(name = "NotificationWarning")
    public record Warning(String code, String message, long count) {
    }

    /** One line for people: Slack's text and an email's subject. */
    public String headline() {
        return switch (event) {
            case SYNC_FAILED -> "Stategraph: a sync of billing source " + sourceId + " failed";
            case SYNC_WARNING -> "Stategraph: a sync of billing source " + sourceId + " finished with " + warnings.size()
                    + (warnings.size() == 1 ? " warning" : " warnings");
            case SYNC_STALE -> "Stategraph: billing source " + sourceId + " has not synced for 48 hours";
            case ANOMALY -> "Stategraph: " + anomalies.size() + (anomalies.size() == 1 ? " spend anomaly" : " spend anomalies")
                    + " in tenant " + tenantId;
            case BUDGET -> "Stategraph: budget '" + budget.budgetName() + "' " + (budget.type().equals("forecast")
                    ? "is forecast to reach " : "reached ") + budget.percent().toPlainString() + " % of " + budget.amount() + " "
                    + budget.currency();
            default -> "Stategraph: test notification";
        };
    }

    /** The details for people, after the headline. */
    public String details() {
        StringBuilder out = new StringBuilder();
        out.append("Tenant: ").append(tenantId).append('\n');
        if (sourceId != null) {
            out.append("Source: ").append(sourceId).append('\n');
        }
        if (runId != null) {
            out.append("Run: ").append(runId).append(" (").append(status).append(")\n");
        }
        if (error != null) {
            out.append("Error: ").append(error).append('\n');
        }
        for (Warning w : warnings) {
            out.append("Warning ").append(w.code()).append(" (").append(w.count()).append("): ").append(w.message()).append('\n');
        }
        if (anomalies != null) {
            for (Anomaly a : anomalies) {
                out.append(a.day()).append(' ').append(a.severity()).append(": ").append(series(a)).append(" spent ")
                        .append(a.actualCost()).append(' ').append(a.currency()).append(", expected ").append(a.expectedCost())
                        .append(" (").append(a.difference().startsWith("-") ? "" : "+").append(a.difference()).append(")\n");
            }
        }
        if (budget != null) {
            out.append("Budget: ").append(budget.budgetName()).append(" (").append(budget.budgetId()).append("), period from ")
                    .append(budget.periodStart()).append('\n').append("Amount: ").append(budget.amount()).append(' ')
                    .append(budget.currency()).append('\n').append("Spent: ").append(budget.spent()).append('\n');
            if (budget.forecast() != null) {
                out.append("Forecast at the period's end: ").append(budget.forecast()).append('\n');
            }
        }
        out.append("At: ").append(occurredAt).append('\n');
        return out.toString();
    }

    private static String series(Anomaly a) {
        StringBuilder name = new StringBuilder(a.provider());
        if ("tag".equals(a.dimension())) {
            name.append(" tag ").append(a.tagKey()).append('=').append(a.tagValue() == null ? "" : a.tagValue());
        } else {
            name.append(" / ").append(a.subAccountId() == null ? "(no sub account)" : a.subAccountId())
                    .append(" / ").append(a.serviceName() == null ? "(no service)" : a.serviceName());
        }
        return name.toString();
    }
}
