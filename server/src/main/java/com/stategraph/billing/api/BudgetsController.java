package com.stategraph.billing.api;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.budgets.Budget;
import com.stategraph.billing.budgets.Budgets;
import com.stategraph.billing.budgets.SpendForecasts;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Budgets (kept by tenant admins, read by every member) and the tenant's month-end forecast. */
@RestController
public class BudgetsController {
    private static final String BUDGETS = "/api/v1/tenants/{tenant_id}/budgets";

    private final Budgets budgets;
    private final SpendForecasts forecasts;
    private final TenantAccess access;

    public BudgetsController(Budgets budgets, SpendForecasts forecasts, TenantAccess access) {
        this.budgets = budgets;
        this.forecasts = forecasts;
        this.access = access;
    }

    @PostMapping(BUDGETS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a budget (tenant admin)",
            description = "An amount per month or quarter in one currency over the spend the filters select, with thresholds on actual"
                    + " and forecast spend (default actual 80 % and 100 %, forecast 100 %), each alerted once per period.")
    public Budget create(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                         @RequestBody Budgets.Request body) {
        access.requireAdmin(caller, tenantId);
        return budgets.create(caller, tenantId, body);
    }

    @GetMapping(BUDGETS)
    @Operation(summary = "The tenant's budgets, each with its status in the period that holds today")
    public Results<Budget> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireMember(caller, tenantId);
        return new Results<>(budgets.list(tenantId));
    }

    @GetMapping(BUDGETS + "/{budget_id}")
    @Operation(summary = "A budget with its status: spent, forecast at the period's end with its band, remaining, thresholds alerted")
    public Budget get(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                      @PathVariable("budget_id") UUID budgetId) {
        access.requireMember(caller, tenantId);
        return budgets.get(tenantId, budgetId);
    }

    @PutMapping(BUDGETS + "/{budget_id}")
    @Operation(summary = "Replace a budget's settings (tenant admin); thresholds already alerted this period stay alerted")
    public Budget update(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                         @PathVariable("budget_id") UUID budgetId, @RequestBody Budgets.Request body) {
        access.requireAdmin(caller, tenantId);
        return budgets.update(caller, tenantId, budgetId, body);
    }

    @DeleteMapping(BUDGETS + "/{budget_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a budget and its alert history (tenant admin)")
    public void delete(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                       @PathVariable("budget_id") UUID budgetId) {
        access.requireAdmin(caller, tenantId);
        budgets.delete(caller, tenantId, budgetId);
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/forecast")
    @Operation(summary = "Month-end forecast of the tenant's spend per currency, with a 95 % band",
            description = "Spent through the last loaded day plus each remaining day at the mean of its weekday over the trailing 28"
                    + " loaded days (docs/budgets.md); month YYYY-MM, default this one; metric default effective; currency converts every"
                    + " day at its month's exchange rate.")
    public SpendForecasts.Page forecast(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                        @RequestParam(required = false) String month, @RequestParam(required = false) String metric,
                                        @RequestParam(required = false) String currency) {
        access.requireMember(caller, tenantId);
        return forecasts.month(tenantId, month, metric, currency);
    }
}
