package com.stategraph.billing.api;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.costs.ExpensiveQuestions;
import com.stategraph.billing.estimates.EstimateService;
import com.stategraph.billing.estimates.EstimateViews;
import com.stategraph.billing.estimates.StateUsage;
import java.util.Map;
import org.springframework.web.bind.annotation.PutMapping;
import com.stategraph.billing.states.TerraformState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** List-price estimates of Terraform states: tenant members read them, tenant admins ask for a new calculation. */
@RestController
public class EstimateController {
    private static final String NO_BOOK = "PRICING_NOT_LOADED: no price book is loaded";

    private final EstimateService estimates;
    private final StateUsage usage;
    private final ReadableStates readable;
    private final TenantAccess access;
    private final ExpensiveQuestions expensive;

    EstimateController(EstimateService estimates, StateUsage usage, ReadableStates readable, TenantAccess access,
                       ExpensiveQuestions expensive) {
        this.expensive = expensive;
        this.estimates = estimates;
        this.usage = usage;
        this.readable = readable;
        this.access = access;
    }

    @GetMapping("/api/v1/states/{id}/costs")
    @Operation(summary = "The state's estimate: monthly list-price cost of each resource instance and its components")
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "The last snapshot",
                    content = @Content(schema = @Schema(implementation = EstimateViews.StateCosts.class))),
            @ApiResponse(responseCode = "202", description = "The first snapshot is being calculated",
                    content = @Content(schema = @Schema(implementation = EstimateViews.Computing.class))),
            @ApiResponse(responseCode = "503", description = NO_BOOK, content = @Content(schema = @Schema(implementation = ErrorBody.class)))})
    public ResponseEntity<Object> costs(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id) {
        TerraformState state = readable.get(caller, id);
        return expensive.run(state.tenantId(), "a state's estimate", () -> estimates.costs(state))
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new EstimateViews.Computing("computing")));
    }

    @PostMapping("/api/v1/states/{id}/costs/calculate")
    @Operation(summary = "Calculate the state's estimate again (from the current price book), in the background")
    @ApiResponses({
            @ApiResponse(responseCode = "202", description = "Requested",
                    content = @Content(schema = @Schema(implementation = EstimateViews.Computing.class))),
            @ApiResponse(responseCode = "503", description = NO_BOOK, content = @Content(schema = @Schema(implementation = ErrorBody.class)))})
    public ResponseEntity<EstimateViews.Computing> calculate(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id) {
        TerraformState state = readable.get(caller, id);
        access.requireAdmin(caller, state.tenantId());
        estimates.calculate(state);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EstimateViews.Computing("computing"));
    }

    @GetMapping("/api/v1/states/{id}/costs/unsupported")
    @Operation(summary = "The resource types of the state's estimate that are not priced (and not known to be free)")
    @ApiResponses({
            @ApiResponse(responseCode = "202", description = "The first snapshot is being calculated",
                    content = @Content(schema = @Schema(implementation = EstimateViews.Computing.class))),
            @ApiResponse(responseCode = "503", description = NO_BOOK, content = @Content(schema = @Schema(implementation = ErrorBody.class)))})
    public ResponseEntity<Object> unsupported(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id) {
        TerraformState state = readable.get(caller, id);
        return estimates.unsupported(state).<ResponseEntity<Object>>map(list -> ResponseEntity.ok(new Results<>(list)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new EstimateViews.Computing("computing")));
    }

    @Schema(name = "StateUsage")
    public record Usage(@Schema(description = "by resource address (an index may be [*]), then usage key: a number, or a word for"
                        + " operating_system (docs/estimates.md lists the keys of each type)")
                        @com.fasterxml.jackson.annotation.JsonProperty("resource_usage")
                        Map<String, Map<String, Object>> resourceUsage,
                        @Schema(description = "by resource type: what every resource of the type is given unless its address says otherwise")
                        @com.fasterxml.jackson.annotation.JsonProperty("resource_type_default_usage")
                        Map<String, Map<String, Object>> resourceTypeDefaultUsage) {

        static Usage of(Map<String, Map<String, Object>> stored) {
            Map<String, Map<String, Object>> resources = new java.util.TreeMap<>();
            Map<String, Map<String, Object>> types = new java.util.TreeMap<>();
            stored.forEach((key, values) -> {
                if (key.startsWith(com.stategraph.billing.estimates.StateUsage.TYPE_DEFAULT)) {
                    types.put(key.substring(com.stategraph.billing.estimates.StateUsage.TYPE_DEFAULT.length()), values);
                } else {
                    resources.put(key, values);
                }
            });
            return new Usage(resources, types);
        }
    }

    @GetMapping("/api/v1/states/{id}/usage")
    @Operation(summary = "The usage given to the state's usage-priced resources")
    public Usage usage(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id) {
        return Usage.of(usage.get(readable.get(caller, id)));
    }

    @PutMapping("/api/v1/states/{id}/usage")
    @Operation(summary = "Replace the usage of the state's usage-priced resources: Infracost's usage file as it is (YAML with"
            + " Content-Type application/yaml, or the same as JSON); the estimate is calculated again")
    @ApiResponse(responseCode = "400", description = "INVALID_USAGE: an unknown usage key or a quantity that is not a number >= 0",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Usage setUsage(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id,
                          @org.springframework.web.bind.annotation.RequestBody tools.jackson.databind.JsonNode body) {
        TerraformState state = readable.get(caller, id);
        access.requireAdmin(caller, state.tenantId());
        return Usage.of(usage.set(caller, state, body));
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs")
    @Operation(summary = "The tenant's estimate: every state's last snapshot, by provider, type and tag value")
    @ApiResponse(responseCode = "503", description = NO_BOOK, content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public EstimateViews.TenantEstimate tenant(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                               @RequestParam(name = "tag_key", required = false) String tagKey) {
        access.requireMember(caller, tenantId);
        return expensive.run(tenantId, "the tenant's estimate", () -> estimates.tenant(tenantId, tagKey));
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/costs/history")
    @Operation(summary = "The tenant's estimate per UTC day of [from, to) (default: the last 30 days and today), each state's last"
            + " snapshot carried forward")
    @ApiResponse(responseCode = "503", description = NO_BOOK, content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public EstimateViews.History history(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                         @RequestParam(name = "from", required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(name = "to", required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(name = "group_by", required = false)
                                         @Schema(allowableValues = {"provider", "type", "tag", "state"}) String groupBy,
                                         @RequestParam(name = "tag_key", required = false) String tagKey) {
        access.requireMember(caller, tenantId);
        return expensive.run(tenantId, "an estimate history", () -> estimates.history(tenantId, from, to, groupBy, tagKey));
    }
}
