package com.stategraph.billing.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.ApiKeyRepository;
import com.stategraph.billing.auth.ApiKeySecrets;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.Role;
import com.stategraph.billing.auth.TenantAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenant API keys: the secret is shown once, on creation; only its hash is stored. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant_id}/api-keys")
public class ApiKeyController {
    private final ApiKeyRepository keys;
    private final TenantAccess access;
    private final AuditLog audit;

    public ApiKeyController(ApiKeyRepository keys, TenantAccess access, AuditLog audit) {
        this.keys = keys;
        this.access = access;
        this.audit = audit;
    }

    @Schema(name = "CreateApiKey")
    public record CreateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"admin", "member"})
                                String role) {
    }

    @Schema(name = "CreatedApiKey")
    public record Created(UUID id, String name, String role,
                          @Schema(description = "The secret; shown only in this answer") String key,
                          @JsonProperty("created_at") Instant createdAt) {
    }

    @Schema(name = "ApiKey")
    public record Listed(UUID id, String name, String role,
                         @Schema(description = "The first characters of the key, to recognise it") String prefix,
                         @JsonProperty("created_at") Instant createdAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a tenant API key (tenant admin)")
    public Created create(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                          @RequestBody CreateRequest body) {
        access.requireAdmin(caller, tenantId);
        String name = RequiredName.of(body.name());
        Role role = Role.parse(body.role());
        if (role == null) {
            throw ApiException.badRequest("INVALID_ROLE", "role must be admin or member");
        }
        String secret = ApiKeySecrets.generate();
        var key = keys.insertTenantKey(tenantId, name, role, secret);
        audit.record(caller, tenantId, "api_key.create", "api_key", key.id(), Map.of("name", name, "role", role.value()));
        return new Created(key.id(), key.name(), key.role().value(), secret, key.createdAt());
    }

    @GetMapping
    @Operation(summary = "List the tenant's active API keys, without secrets")
    public Results<Listed> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireAdmin(caller, tenantId);
        return new Results<>(keys.listActive(tenantId).stream()
                .map(k -> new Listed(k.id(), k.name(), k.role().value(), k.prefix(), k.createdAt()))
                .toList());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    @Operation(summary = "Revoke an API key; it stops working at once")
    public void revoke(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId, @PathVariable UUID id) {
        access.requireAdmin(caller, tenantId);
        if (!keys.revoke(tenantId, id)) {
            throw ApiException.notFound("API key " + id + " not found");
        }
        audit.record(caller, tenantId, "api_key.revoke", "api_key", id, Map.of());
    }
}
