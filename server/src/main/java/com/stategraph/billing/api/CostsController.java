package com.stategraph.billing.api;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.costs.Actuals;
import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.CostQueryParser;
import com.stategraph.billing.currency.ConvertedActuals;
import com.stategraph.billing.costs.CostSummary;
import com.stategraph.billing.costs.CostSummaryService;
import com.stategraph.billing.costs.Metric;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Actual spend, for any member of the tenant. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant_id}/costs/actuals")
public class CostsController {
    private final TenantAccess access;
    private final CostQueryParser parser;
    private final ActualsService actuals;
    private final CostSummaryService summary;
    private final ConvertedActuals converted;

    public CostsController(TenantAccess access, CostQueryParser parser, ActualsService actuals, CostSummaryService summary,
                           ConvertedActuals converted) {
        this.converted = converted;
        this.access = access;
        this.parser = parser;
        this.actuals = actuals;
        this.summary = summary;
    }

    @Schema(name = "TagKeys")
    public record TagKeys(@JsonProperty("tag_keys") List<String> tagKeys) {
    }

    @GetMapping
    @Operation(summary = "Actual spend: [from, to) on ChargePeriodStart, grouped, cut into periods, filtered")
    public Actuals actuals(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                           @Parameter(description = "YYYY-MM-DD, default: first day of this month") @RequestParam(required = false) String from,
                           @Parameter(description = "YYYY-MM-DD, exclusive; default: tomorrow") @RequestParam(required = false) String to,
                           @Parameter(description = "billed, effective (default), list, contracted") @RequestParam(required = false) String metric,
                           @Parameter(description = "provider, host_provider, publisher, invoice_issuer, service,"
                                   + " service_category, billing_account, sub_account, region, charge_category, resource, source, tag") @RequestParam(name = "group_by", required = false) String groupBy,
                           @Parameter(description = "the tag key, with group_by=tag") @RequestParam(name = "tag_key", required = false) String tagKey,
                           @Parameter(description = "total (default), day, month") @RequestParam(required = false) String granularity,
                           @Parameter(description = "the provider the rows name (ServiceProviderName, else ProviderName);"
                                   + " case-insensitive") @RequestParam(required = false) String provider,
                           @Parameter(description = "HostProviderName, case-insensitive")
                           @RequestParam(name = "host_provider", required = false) String hostProvider,
                           @Parameter(description = "PublisherName, case-insensitive") @RequestParam(required = false) String publisher,
                           @Parameter(description = "InvoiceIssuerName, case-insensitive")
                           @RequestParam(name = "invoice_issuer", required = false) String invoiceIssuer,
                           @RequestParam(required = false) String service,
                           @RequestParam(name = "sub_account", required = false) String subAccount,
                           @RequestParam(required = false) String region,
                           @RequestParam(name = "source_id", required = false) String sourceId,
                           @Parameter(description = "KEY:VALUE, repeatable") @RequestParam(name = "tag", required = false) List<String> tag,
                           @Parameter(description = "top N groups by cost per currency; the rest as 'other'")
                           @RequestParam(required = false) String limit,
                           @Parameter(description = "ISO 4217: every amount converted into it at its month's exchange rate; each group"
                                   + " keeps its original currencies' costs") @RequestParam(required = false) String currency) {
        access.requireMember(caller, tenantId);
        CostQuery q = parser.parse(tenantId, new CostQueryParser.Params(from, to, metric, groupBy, tagKey,
                granularity, provider, service, subAccount, region, sourceId, tag, limit, hostProvider, publisher, invoiceIssuer));
        return currency == null || currency.isBlank() ? actuals.actuals(q) : converted.actuals(q, currency);
    }

    @GetMapping("/tag-keys")
    @Operation(summary = "Tag keys in [from, to), the most frequent first")
    public TagKeys tagKeys(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        access.requireMember(caller, tenantId);
        var q = parser.parse(tenantId, CostQueryParser.Params.range(from, to, null));
        return new TagKeys(actuals.tagKeys(tenantId, q.from(), q.to()));
    }

    @GetMapping("/summary")
    @Operation(summary = "Month to date, the same days of last month, last month; the periods each source has loaded")
    public CostSummary summary(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                               @RequestParam(required = false) String metric,
                               @Parameter(description = "ISO 4217: the totals converted into it") @RequestParam(required = false)
                               String currency) {
        access.requireMember(caller, tenantId);
        Metric m = parser.parse(tenantId, CostQueryParser.Params.range(null, null, metric)).metric();
        return currency == null || currency.isBlank() ? summary.summary(tenantId, m)
                : summary.summary(tenantId, m, q -> converted.actuals(q, currency));
    }
}
