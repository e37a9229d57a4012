package com.stategraph.billing.api;

import com.stategraph.billing.attribution.Attribution;
import com.stategraph.billing.attribution.AttributionService;
import com.stategraph.billing.attribution.Compared;
import com.stategraph.billing.attribution.EstimateComparison;
import com.stategraph.billing.attribution.RunRateComparison;
import com.stategraph.billing.attribution.StateActuals;
import com.stategraph.billing.attribution.UnmanagedResources;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.costs.ExpensiveQuestions;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Real spend per Terraform-managed resource: how much of a range's spend the tenant's states account for. */
@RestController
public class AttributionController {
    private final AttributionService attribution;
    private final UnmanagedResources unmanaged;
    private final StateActuals stateActuals;
    private final EstimateComparison comparison;
    private final RunRateComparison runRate;
    private final ReadableStates readable;
    private final TenantAccess access;
    private final com.stategraph.billing.currency.ExchangeRates rates;
    private final ExpensiveQuestions expensive;

    AttributionController(AttributionService attribution, UnmanagedResources unmanaged, StateActuals stateActuals,
                          EstimateComparison comparison, RunRateComparison runRate, ReadableStates readable, TenantAccess access,
                          com.stategraph.billing.currency.ExchangeRates rates, ExpensiveQuestions expensive) {
        this.expensive = expensive;
        this.rates = rates;
        this.comparison = comparison;
        this.runRate = runRate;
        this.attribution = attribution;
        this.unmanaged = unmanaged;
        this.stateActuals = stateActuals;
        this.readable = readable;
        this.access = access;
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/attribution")
    @Operation(summary = "Spend of [from, to) (ChargePeriodStart; default the month so far) split into attributed (a"
            + " Terraform-managed resource), unmanaged (a resource no state manages) and unallocated (no ResourceId)")
    public Attribution attribution(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                   @RequestParam(name = "from", required = false) String from,
                                   @RequestParam(name = "to", required = false) String to,
                                   @RequestParam(name = "metric", required = false) String metric,
                                   @RequestParam(name = "currency", required = false) String currency) {
        access.requireMember(caller, tenantId);
        return expensive.run(tenantId, "an attribution split", () -> currency == null || currency.isBlank()
                ? attribution.attribution(tenantId, from, to, metric)
                : attribution.attribution(tenantId, from, to, metric, rates.into(currency)));
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/unmanaged")
    @Operation(summary = "The resources a range's bills name that no Terraform state manages, by billed cost, largest first")
    public UnmanagedResources.Page unmanaged(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                             @RequestParam(name = "from", required = false) String from,
                                             @RequestParam(name = "to", required = false) String to,
                                             @RequestParam(name = "limit", defaultValue = "100") int limit,
                                             @RequestParam(name = "cursor", required = false) String cursor,
                                             @RequestParam(name = "currency", required = false) String currency) {
        access.requireMember(caller, tenantId);
        return expensive.run(tenantId, "an unmanaged resources list", () -> currency == null || currency.isBlank()
                ? unmanaged.page(tenantId, from, to, limit, cursor)
                : unmanaged.page(tenantId, from, to, limit, cursor, rates.into(currency)));
    }

    @GetMapping("/api/v1/states/{id}/costs/actuals")
    @Operation(summary = "What the state's resources really cost in [from, to) (default the month so far): the billing lines"
            + " attributed to them, per address")
    public StateActuals.Actuals stateActuals(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id,
                                             @RequestParam(name = "from", required = false) String from,
                                             @RequestParam(name = "to", required = false) String to,
                                             @RequestParam(name = "currency", required = false) String currency) {
        var state = readable.get(caller, id);
        return expensive.run(state.tenantId(), "a state's actuals", () -> currency == null || currency.isBlank()
                ? stateActuals.of(state, from, to)
                : stateActuals.of(state, from, to, rates.into(currency)));
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/compare")
    @Operation(summary = "Estimates next to what the same resources really cost (effective cost, USD), by state, resource type or"
            + " tag value",
            description = "basis=run_rate (the default): each resource's current monthly estimate against its attributed cost over the"
                    + " last `days` complete UTC days with billing data, x 730 / (24 x the days it was billed). basis=month: only the"
                    + " days of `month` in which an estimate was in force and billing data exists, on both sides (span_start, span_end)."
                    + " A difference and percentage only where the estimate is at least 1 USD a month and a day was billed.")
    public Compared.Comparison compare(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                       @RequestParam(name = "basis", required = false) String basis,
                                       @RequestParam(name = "days", required = false) Integer days,
                                       @RequestParam(name = "month", required = false) String month,
                                       @RequestParam(name = "group_by", required = false) String groupBy,
                                       @RequestParam(name = "tag_key", required = false) String tagKey,
                                       @RequestParam(name = "currency", required = false) String currency) {
        access.requireMember(caller, tenantId);
        java.util.function.Function<java.time.YearMonth, com.stategraph.billing.costs.MonthlyConversion> intoUsd = null;
        if (currency != null && !currency.isBlank()) {
            if (!"USD".equals(currency)) {
                throw new com.stategraph.billing.domain.InvalidInputException("INVALID_PARAMETER",
                        "estimates are USD list prices: currency can only be USD (actuals in other currencies converted), got '" + currency + "'");
            }
            intoUsd = m -> rates.converter("USD", m, m);
        }
        Compared.Grouping grouping = new Compared.Grouping(groupBy, tagKey);
        var usd = intoUsd;
        boolean byMonth = monthBasis(basis, month);
        return expensive.run(tenantId, "a comparison of estimates and actuals", () -> byMonth
                ? comparison.tenant(tenantId, month, grouping, usd)
                : runRate.tenant(tenantId, days, grouping, usd));
    }

    @GetMapping("/api/v1/states/{id}/costs/compare")
    @Operation(summary = "The state's estimates next to what its resources really cost, per address (basis run_rate or month, as the"
            + " tenant's comparison)")
    public Compared.Comparison compareState(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id,
                                            @RequestParam(name = "basis", required = false) String basis,
                                            @RequestParam(name = "days", required = false) Integer days,
                                            @RequestParam(name = "month", required = false) String month) {
        com.stategraph.billing.states.TerraformState state = readable.get(caller, id);
        boolean byMonth = monthBasis(basis, month);
        return expensive.run(state.tenantId(), "a comparison of estimates and actuals", () -> byMonth
                ? comparison.state(state, month)
                : runRate.state(state.tenantId(), state.id(), days));
    }

    /** run_rate unless asked for a month: basis=month, or a month given without a basis. */
    private static boolean monthBasis(String basis, String month) {
        if (basis == null || basis.isBlank()) {
            return month != null && !month.isBlank();
        }
        return switch (basis) {
            case "month" -> true;
            case "run_rate" -> false;
            default -> throw new com.stategraph.billing.domain.InvalidInputException("INVALID_PARAMETER",
                    "basis is run_rate or month, got '" + basis + "'");
        };
    }
}
