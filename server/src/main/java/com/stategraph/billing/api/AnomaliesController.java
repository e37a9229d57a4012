package com.stategraph.billing.api;

import com.stategraph.billing.anomalies.Anomalies;
import com.stategraph.billing.anomalies.Anomaly;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Days whose spend left their own history, found after every sync, and their triage. */
@RestController
public class AnomaliesController {
    private final Anomalies anomalies;
    private final TenantAccess access;
    private final com.stategraph.billing.currency.ExchangeRates rates;

    public AnomaliesController(Anomalies anomalies, TenantAccess access, com.stategraph.billing.currency.ExchangeRates rates) {
        this.rates = rates;
        this.anomalies = anomalies;
        this.access = access;
    }

    @Schema(name = "DismissAnomalyRequest")
    public record DismissRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500) String reason) {
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/anomalies")
    @Operation(summary = "Spend anomalies: days whose effective cost left the series' own history",
            description = "Per provider (sub account, service) and per provider tag value, in each currency; days [from, to), default"
                    + " the last 30 days; status active (one of the last 7 days), expired, dismissed or all (default). Latest day first.")
    public Anomalies.Page list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String status, @RequestParam(required = false) String currency) {
        access.requireMember(caller, tenantId);
        return currency == null || currency.isBlank() ? anomalies.list(tenantId, from, to, status)
                : anomalies.list(tenantId, from, to, status, rates.into(currency));
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/anomalies/settings")
    @Operation(summary = "What makes a day's difference an anomaly: a share of the series' trailing monthly cost and an amount")
    public Anomalies.Settings settings(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireMember(caller, tenantId);
        return anomalies.settings(tenantId);
    }

    @PutMapping("/api/v1/tenants/{tenant_id}/costs/anomalies/settings")
    @Operation(summary = "Set what makes an anomaly (tenant admins); the tenant is scanned again with it")
    public Anomalies.Settings setSettings(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                          @RequestBody Anomalies.Settings body) {
        access.requireAdmin(caller, tenantId);
        return anomalies.setSettings(caller, tenantId, body);
    }

    @PostMapping("/api/v1/tenants/{tenant_id}/costs/anomalies/{anomaly_id}/dismiss")
    @Operation(summary = "Dismiss an anomaly with a reason (tenant members); recorded in the audit log")
    public Anomaly dismiss(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                           @PathVariable("anomaly_id") UUID anomalyId, @RequestBody DismissRequest body) {
        access.requireMember(caller, tenantId);
        return anomalies.dismiss(caller, tenantId, anomalyId, body.reason());
    }
}
