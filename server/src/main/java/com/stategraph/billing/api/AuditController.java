package com.stategraph.billing.api;

import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AuditController {
    private final AuditLog audit;
    private final TenantAccess access;

    public AuditController(AuditLog audit, TenantAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/audit-log")
    @Operation(summary = "Who changed what in the tenant, newest first (tenant admin)")
    public Results<AuditLog.Entry> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                        @RequestParam(defaultValue = "100") int limit) {
        access.requireAdmin(caller, tenantId);
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("INVALID_PARAMETER", "limit must be between 1 and 1000");
        }
        return new Results<>(audit.list(tenantId, limit));
    }
}
