package com.stategraph.billing.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.statesources.StateSource;
import com.stategraph.billing.statesources.StateSourceRun;
import com.stategraph.billing.statesources.StateSourceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** State sources: remote backends whose state objects become the tenant's states. Tenant admins only, like billing sources. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant_id}/state-sources")
public class StateSourceController {
    private final StateSourceService service;
    private final TenantAccess access;

    public StateSourceController(StateSourceService service, TenantAccess access) {
        this.service = service;
        this.access = access;
    }

    @Schema(name = "StateSourceSettings", description = "On update, omitted fields are unchanged.")
    public record Settings(
            @Schema(description = "s3://, gs://, abfss:// or (where the operator allows it) file:// URI; the path may be a glob",
                    example = "s3://tf-state/envs/**/*.tfstate") @JsonProperty("source_uri") String sourceUri,
            @Schema(description = "AWS region of an s3:// bucket (default: the server's)") String region,
            @Schema(defaultValue = "true") Boolean enabled) {
    }

    @GetMapping
    @Operation(summary = "List state sources")
    public Results<StateSource> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireAdmin(caller, tenantId);
        return new Results<>(service.list(tenantId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a state source")
    public StateSource create(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                              @RequestBody Settings body) {
        access.requireAdmin(caller, tenantId);
        return service.create(caller, tenantId, new StateSourceService.Changes(body.sourceUri(), body.region(), body.enabled()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a state source")
    public StateSource get(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId, @PathVariable("id") UUID id) {
        access.requireAdmin(caller, tenantId);
        return service.get(tenantId, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a state source")
    public StateSource update(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                              @PathVariable("id") UUID id, @RequestBody Settings body) {
        access.requireAdmin(caller, tenantId);
        return service.update(caller, tenantId, id, new StateSourceService.Changes(body.sourceUri(), body.region(), body.enabled()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a state source and the states it made")
    public void delete(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId, @PathVariable("id") UUID id) {
        access.requireAdmin(caller, tenantId);
        service.delete(caller, tenantId, id);
    }

    @PostMapping("/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Sync a state source now", description = "Answers the run already queued or running, if any.")
    public StateSourceRun sync(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                               @PathVariable("id") UUID id) {
        access.requireAdmin(caller, tenantId);
        return service.requestSync(caller, tenantId, id);
    }

    @GetMapping("/{id}/runs")
    @Operation(summary = "Sync run history of a state source, newest first")
    public Results<StateSourceRun> runs(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                        @PathVariable("id") UUID id, @RequestParam(name = "limit", defaultValue = "50") int limit) {
        access.requireAdmin(caller, tenantId);
        return new Results<>(service.runs(tenantId, id, Results.historyLimit(limit)));
    }
}
