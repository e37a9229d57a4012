package com.stategraph.billing.api;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.currency.ExchangeRate;
import com.stategraph.billing.currency.ExchangeRates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's exchange rates (instance admin sets them; everyone reads them) and a tenant's reporting currency. */
@RestController
public class ExchangeRatesController {
    /** A rates CSV is a few lines per pair and month: 10 MiB is years of hundreds of pairs. */
    static final long MAX_CSV_BYTES = 10L << 20;

    private final ExchangeRates rates;
    private final TenantAccess access;

    public ExchangeRatesController(ExchangeRates rates, TenantAccess access) {
        this.rates = rates;
        this.access = access;
    }

    @Schema(name = "ExchangeRateRequest")
    public record RateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a JSON number above 0") BigDecimal rate) {
    }

    @GetMapping("/api/v1/exchange-rates")
    @Operation(summary = "The exchange rates, by pair and month (any signed-in caller; who set each, to the instance admin only)")
    public Results<ExchangeRate> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        var listed = rates.list(from, to);
        return new Results<>(caller.isAdmin() ? listed : listed.stream().map(ExchangeRate::withoutWho).toList());
    }

    @PutMapping("/api/v1/exchange-rates/{from}/{to}/{month}")
    @Operation(summary = "Set one rate by hand (instance admin): 1 {from} = rate {to} in month YYYY-MM",
            description = "409 RATE_FINAL to change a month before the current one once it has a rate.")
    public ExchangeRate set(@AuthenticationPrincipal Caller caller, @PathVariable String from, @PathVariable String to,
                            @PathVariable String month, @RequestBody RateRequest body) {
        access.requireInstanceAdmin(caller);
        return rates.set(caller, from, to, month, body == null ? null : body.rate());
    }

    @PostMapping(value = "/api/v1/exchange-rates", consumes = "text/csv")
    @Operation(summary = "Load rates from a CSV (instance admin): a header naming from,to,month,rate, then a row per pair and month",
            description = "Every row is checked before any is written: all or none; an error names its row and column.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    public ExchangeRates.Loaded load(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        access.requireInstanceAdmin(caller);
        if (request.getContentLengthLong() > MAX_CSV_BYTES) {
            throw BoundedInputStream.refused(MAX_CSV_BYTES, "10 MiB");
        }
        try (InputStream body = new BoundedInputStream(request.getInputStream(), MAX_CSV_BYTES, "10 MiB")) {
            return rates.load(caller, body);
        }
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/reporting-currency")
    @Operation(summary = "The currency the tenant reports in (null: none; the console then shows each billing currency)")
    public ExchangeRates.Reporting reporting(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireMember(caller, tenantId);
        return rates.reportingCurrency(tenantId);
    }

    @PutMapping("/api/v1/tenants/{tenant_id}/reporting-currency")
    @Operation(summary = "Set or clear (null) the tenant's reporting currency (tenant admin)")
    public ExchangeRates.Reporting setReporting(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                                @RequestBody ExchangeRates.Reporting body) {
        access.requireAdmin(caller, tenantId);
        return rates.setReportingCurrency(caller, tenantId, body == null ? null : body.reportingCurrency());
    }
}
