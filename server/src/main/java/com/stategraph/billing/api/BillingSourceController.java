package com.stategraph.billing.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.source.BillingSource;
import com.stategraph.billing.source.BillingSourceService;
import com.stategraph.billing.sync.SyncRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/** Billing sources: for tenant admins and instance admins only. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant_id}/billing-sources")
public class BillingSourceController {
    private final BillingSourceService service;
    private final TenantAccess access;

    public BillingSourceController(BillingSourceService service, TenantAccess access) {
        this.service = service;
        this.access = access;
    }

    @Schema(name = "CreateBillingSource")
    public record CreateRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"aws", "gcp", "azure"}) String provider,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("source_uri") String sourceUri,
            String region,
            @Schema(defaultValue = "2", minimum = "1", maximum = "36") @JsonProperty("window_months") Integer windowMonths,
            @Schema(defaultValue = "true") Boolean enabled) {
    }

    @Schema(name = "UpdateBillingSource", description = "Omitted fields are unchanged.")
    public record UpdateRequest(
            Boolean enabled,
            String region,
            @JsonProperty("source_uri") String sourceUri,
            @Schema(minimum = "1", maximum = "36") @JsonProperty("window_months") Integer windowMonths) {
    }

    @Schema(name = "SyncRequest")
    public record SyncRequest(
            @Schema(description = "Backfill from this date's month (YYYY-MM-DD)", example = "2026-01-01")
            @JsonProperty("window_start") String windowStart,
            @Schema(description = "Read every file, also those unchanged since they were loaded (default false)")
            Boolean force) {
    }

    @GetMapping
    @Operation(summary = "List sources")
    public Results<BillingSource> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireAdmin(caller, tenantId);
        return new Results<>(service.list(tenantId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a source")
    public BillingSource create(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                @RequestBody CreateRequest body) {
        access.requireAdmin(caller, tenantId);
        return service.create(caller, tenantId, new BillingSourceService.NewSource(body.provider(), body.sourceUri(),
                body.region(), body.windowMonths(), body.enabled()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a source")
    public BillingSource get(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId, @PathVariable UUID id) {
        access.requireAdmin(caller, tenantId);
        return service.get(tenantId, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a source")
    public BillingSource update(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                @PathVariable UUID id, @RequestBody UpdateRequest body) {
        access.requireAdmin(caller, tenantId);
        return service.update(caller, tenantId, id, new BillingSourceService.SourceChanges(body.enabled(),
                body.region(), body.sourceUri(), body.windowMonths()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a source and the billing rows it loaded")
    public void delete(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId, @PathVariable UUID id) {
        access.requireAdmin(caller, tenantId);
        service.delete(caller, tenantId, id);
    }

    @PostMapping("/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Trigger a sync", description = "Answers the run already queued or running, if any.")
    public SyncRun sync(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId, @PathVariable UUID id,
                        @RequestBody(required = false) SyncRequest body) {
        access.requireAdmin(caller, tenantId);
        return service.requestSync(caller, tenantId, id, windowStart(body), body != null && Boolean.TRUE.equals(body.force()));
    }

    @GetMapping("/{id}/runs")
    @Operation(summary = "Sync run history, newest first")
    public Results<SyncRun> runs(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                 @PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        access.requireAdmin(caller, tenantId);
        return new Results<>(service.runs(tenantId, id, Results.historyLimit(limit)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static LocalDate windowStart(SyncRequest body) {
        if (body == null || body.windowStart() == null) {
            return null;
        }
        LocalDate start;
        try {
            start = LocalDate.parse(body.windowStart());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_WINDOW_START",
                    "window_start '" + abbreviate(body.windowStart()) + "' is not a date of the form YYYY-MM-DD");
        }
        // No cloud bills before 2000 or ahead of next year: anything else is a typo, not a backfill.
        if (start.getYear() < 2000 || start.getYear() > java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1) {
            throw ApiException.badRequest("INVALID_WINDOW_START",
                    "window_start " + start + " is out of range: give a date from 2000-01-01 to next year");
        }
        return start;
    }
}
