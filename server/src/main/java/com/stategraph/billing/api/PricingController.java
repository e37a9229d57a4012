package com.stategraph.billing.api;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.pricing.PriceBook;
import com.stategraph.billing.pricing.PricingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The price book estimates are priced from: every caller may see what it holds; the instance admin loads it. */
@RestController
public class PricingController {
    private final PricingService pricing;
    private final TenantAccess access;

    public PricingController(PricingService pricing, TenantAccess access) {
        this.pricing = pricing;
        this.access = access;
    }

    @GetMapping("/api/v1/pricing")
    @Operation(summary = "What the price book holds: products, products per vendor, when it was loaded")
    public PriceBook book() {
        return pricing.book();
    }

    @GetMapping("/api/v1/pricing/coverage")
    @Operation(summary = "The resource types the estimator prices (with their usage keys), the ones it knows to be free, per cloud")
    public com.stategraph.billing.estimates.PricingCoverage coverage() {
        return com.stategraph.billing.estimates.PricingCoverage.now();
    }

    @PostMapping("/api/v1/pricing/products")
    @Operation(summary = "Replace the price book (instance admin)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, description = "The CSV of cloud-pricing-api's products table, gzipped or not, streamed: header"
            + " productHash,sku,vendorName,region,service,productFamily,attributes,prices",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "The new book",
                    content = @Content(schema = @Schema(implementation = PriceBook.class))),
            @ApiResponse(responseCode = "403", description = "Not the instance admin",
                    content = @Content(schema = @Schema(implementation = ForbiddenBody.class))),
            @ApiResponse(responseCode = "409", description = "LOAD_RUNNING: another load is running",
                    content = @Content(schema = @Schema(implementation = ErrorBody.class)))})
    public PriceBook load(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        access.requireInstanceAdmin(caller);
        try (InputStream body = request.getInputStream()) {
            return pricing.load(body, "upload");
        }
    }
}
