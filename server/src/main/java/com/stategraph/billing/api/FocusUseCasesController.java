package com.stategraph.billing.api;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.costs.CommitmentCoverage;
import com.stategraph.billing.costs.Commitments;
import com.stategraph.billing.costs.ExpensiveQuestions;
import com.stategraph.billing.costs.Invoices;
import com.stategraph.billing.costs.Savings;
import com.stategraph.billing.costs.TagCoverage;
import com.stategraph.billing.currency.ConvertedPeriods;
import com.stategraph.billing.currency.ExchangeRates;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers to the FinOps Foundation's FOCUS use cases: how much of the spend carries each tag key (the gap
 * tagging policies exist to close), billed cost per invoice (to reconcile with the provider's invoices), and
 * how much of each commitment discount was used, and what prices and commitments saved.
 */
@RestController
public class FocusUseCasesController {
    private final TagCoverage coverage;
    private final Invoices invoices;
    private final Commitments commitments;
    private final Savings savings;
    private final CommitmentCoverage commitmentCoverage;
    private final ConvertedPeriods converted;
    private final ExchangeRates rates;
    private final TenantAccess access;
    private final ExpensiveQuestions expensive;

    public FocusUseCasesController(TagCoverage coverage, Invoices invoices, Commitments commitments, Savings savings,
                                   CommitmentCoverage commitmentCoverage, ConvertedPeriods converted, ExchangeRates rates,
                                   TenantAccess access, ExpensiveQuestions expensive) {
        this.expensive = expensive;
        this.rates = rates;
        this.converted = converted;
        this.commitmentCoverage = commitmentCoverage;
        this.coverage = coverage;
        this.invoices = invoices;
        this.commitments = commitments;
        this.savings = savings;
        this.access = access;
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/savings")
    @Operation(summary = "Negotiated, commitment and total savings and the effective savings rate",
            description = "Per billing period, provider, service and currency; lines without a list or contracted cost are left out"
                    + " and reported. Billing periods [from, to) as YYYY-MM, default the last three months and this one.")
    public Savings.Page savings(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String currency) {
        access.requireMember(caller, tenantId);
        Savings.Page page = expensive.run(tenantId, "a savings view", () -> savings.of(tenantId, from, to));
        return currency == null || currency.isBlank() ? page : converted.savings(page, currency);
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/commitments")
    @Operation(summary = "Utilisation of each commitment discount per billing period",
            description = "Effective cost of the lines with CommitmentDiscountStatus Used and Unused, per CommitmentDiscountId;"
                    + " billing periods [from, to) as YYYY-MM, default the last three months and this one.")
    public Commitments.Page commitments(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String currency) {
        access.requireMember(caller, tenantId);
        Commitments.Page page = expensive.run(tenantId, "a commitments view", () -> commitments.of(tenantId, from, to));
        return currency == null || currency.isBlank() ? page : converted.commitments(page, currency);
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/commitment-coverage")
    @Operation(summary = "How much of the usage commitment discounts covered, per billing period, provider, service and currency",
            description = "Effective cost of Usage lines with a commitment discount Used against Usage lines without one; billing"
                    + " periods [from, to) as YYYY-MM, default the last three months and this one.")
    public CommitmentCoverage.Page commitmentCoverage(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                                      @RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                          @RequestParam(required = false) String currency) {
        access.requireMember(caller, tenantId);
        CommitmentCoverage.Page page = expensive.run(tenantId, "a commitment coverage view", () -> commitmentCoverage.of(tenantId, from, to));
        return currency == null || currency.isBlank() ? page : converted.coverage(page, currency);
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/invoices")
    @Operation(summary = "Billed cost per billing period, invoice issuer, invoice and currency",
            description = "Billing periods [from, to) as YYYY-MM, default the last three months and this one. Lines without an"
                    + " InvoiceId are one entry with invoice_id null.")
    public Invoices.Page invoices(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String currency) {
        access.requireMember(caller, tenantId);
        Invoices.Page page = expensive.run(tenantId, "an invoices view", () -> invoices.of(tenantId, from, to));
        return currency == null || currency.isBlank() ? page : converted.invoices(page, currency);
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/tag-coverage")
    @Operation(summary = "Share of cost carrying each tag key",
            description = "Per tag key and currency, in all, per provider and per service; `[from, to)` on the charge day, default the"
                    + " month so far; metric default effective.")
    public TagCoverage.Coverage tagCoverage(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String metric,
                                            @RequestParam(required = false) String currency) {
        access.requireMember(caller, tenantId);
        return expensive.run(tenantId, "a tag coverage view", () -> currency == null || currency.isBlank()
                ? coverage.of(tenantId, from, to, metric)
                : coverage.of(tenantId, from, to, metric, rates.into(currency)));
    }
}
