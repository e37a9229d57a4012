package com.stategraph.billing.api;

import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.auth.TenantRepository;
import com.stategraph.billing.auth.TenantRepository.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TenantController {
    private final TenantRepository tenants;
    private final TenantAccess access;
    private final AuditLog audit;

    public TenantController(TenantRepository tenants, TenantAccess access, AuditLog audit) {
        this.tenants = tenants;
        this.access = access;
        this.audit = audit;
    }

    @Schema(name = "CreateTenant")
    public record CreateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name) {
    }

    @PostMapping("/api/v1/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a tenant (instance admin)")
    public Tenant create(@AuthenticationPrincipal Caller caller, @RequestBody CreateRequest body) {
        access.requireInstanceAdmin(caller);
        String name = RequiredName.of(body.name());
        Tenant tenant = tenants.insert(name)
                .orElseThrow(() -> ApiException.conflict("a tenant named '" + name + "' already exists"));
        audit.record(caller, tenant.id(), "tenant.create", "tenant", tenant.id(), Map.of("name", name));
        return tenant;
    }

    @GetMapping("/api/v1/user/tenants")
    @Operation(summary = "The caller's tenants (every tenant for an instance admin)")
    public Results<Tenant> mine(@AuthenticationPrincipal Caller caller) {
        List<Tenant> list;
        if (caller.isAdmin()) {
            list = tenants.listAll();
        } else if (caller.type() == Caller.Type.API) {
            list = tenants.find(caller.keyTenantId()).stream().toList();
        } else {
            list = tenants.listForUser(caller.id());
        }
        return new Results<>(list);
    }
}
