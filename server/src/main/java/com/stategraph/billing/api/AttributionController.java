package com.stategraph.billing.api;

import com.stategraph.billing.attribution.Attribution;
import com.stategraph.billing.attribution.AttributionService;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
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
    private final TenantAccess access;

    public AttributionController(AttributionService attribution, TenantAccess access) {
        this.attribution = attribution;
        this.access = access;
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/attribution")
    @Operation(summary = "Spend of [from, to) (ChargePeriodStart; default the month so far) split into attributed (a"
            + " Terraform-managed resource), unmanaged (a resource no state manages) and unallocated (no ResourceId)")
    public Attribution attribution(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                   @RequestParam(name = "from", required = false) String from,
                                   @RequestParam(name = "to", required = false) String to,
                                   @RequestParam(name = "metric", required = false) String metric) {
        access.requireMember(caller, tenantId);
        return attribution.attribution(tenantId, from, to, metric);
    }
}
