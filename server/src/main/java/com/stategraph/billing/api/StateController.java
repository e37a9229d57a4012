package com.stategraph.billing.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.states.StateResourceRepository;
import com.stategraph.billing.states.StateService;
import com.stategraph.billing.states.TerraformState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Terraform states: tenant admins push and remove them, members read them. */
@RestController
public class StateController {
    private static final int DEFAULT_PAGE = 1000;
    private static final int LARGEST_PAGE = 10_000;

    private final StateService service;
    private final TenantAccess access;
    private final ReadableStates readable;
    private final long maxBody;

    StateController(StateService service, TenantAccess access, ReadableStates readable,
                           @Value("${stategraph.states.max-body:256MB}") DataSize maxBody) {
        this.service = service;
        this.access = access;
        this.readable = readable;
        this.maxBody = maxBody.toBytes();
    }

    @Schema(name = "StateResources")
    public record ResourcePage(List<StateResourceRepository.Listed> results,
                               @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last")
                               @JsonProperty("next_cursor") String nextCursor) {
    }

    @PutMapping("/api/v1/tenants/{tenant_id}/states/{*name}")
    @Operation(summary = "Push a Terraform state (format version 4, as `terraform state pull` prints it); 201 when new, 200 when"
            + " it replaced the state of that name",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The state,"
                    + " streamed; at most STATEGRAPH_STATES_MAX_BODY (256 MiB)", content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object"))))
    @ApiResponses({
            @ApiResponse(responseCode = "201", description = "A new state",
                    content = @Content(schema = @Schema(implementation = TerraformState.class))),
            @ApiResponse(responseCode = "200", description = "It replaced the state of that name",
                    content = @Content(schema = @Schema(implementation = TerraformState.class))),
            @ApiResponse(responseCode = "409", description = "STALE_STATE: an older serial of the stored state's lineage;"
                    + " LINEAGE_MISMATCH: another lineage than the stored state's (push with force=true to replace it anyway)",
                    content = @Content(schema = @Schema(implementation = ErrorBody.class))),
            @ApiResponse(responseCode = "413", description = "TOO_LARGE: the body is over STATEGRAPH_STATES_MAX_BODY",
                    content = @Content(schema = @Schema(implementation = ErrorBody.class)))})
    public ResponseEntity<TerraformState> push(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                                               @PathVariable("name") String name,
                                               @io.swagger.v3.oas.annotations.Parameter(description = "replace the stored state"
                                                       + " whatever its lineage and serial, as terraform state push -force")
                                               @org.springframework.web.bind.annotation.RequestParam(name = "force", defaultValue = "false")
                                               boolean force, HttpServletRequest request) throws IOException {
        access.requireAdmin(caller, tenantId);
        String stateName = name.startsWith("/") ? name.substring(1) : name;
        StateService.validateName(stateName);
        if (request.getContentLengthLong() > maxBody) {
            throw BoundedInputStream.refused(maxBody, "STATEGRAPH_STATES_MAX_BODY");
        }
        try (InputStream body = new BoundedInputStream(request.getInputStream(), maxBody, "STATEGRAPH_STATES_MAX_BODY")) {
            StateService.Pushed pushed = service.push(caller, tenantId, stateName, body, "upload", force);
            return ResponseEntity.status(pushed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(pushed.state());
        }
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/states")
    @Operation(summary = "List the tenant's states")
    public Results<TerraformState> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireMember(caller, tenantId);
        return new Results<>(service.list(tenantId));
    }

    @GetMapping("/api/v1/states/{id}")
    @Operation(summary = "Get a state")
    public TerraformState get(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id) {
        return readable.get(caller, id);
    }

    @DeleteMapping("/api/v1/states/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a state and its resources")
    public void delete(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id) {
        TerraformState state = readable.get(caller, id);
        access.requireAdmin(caller, state.tenantId());
        service.delete(caller, state);
    }

    @GetMapping("/api/v1/states/{id}/resources")
    @Operation(summary = "A state's managed resource instances, in address order")
    public ResourcePage resources(@AuthenticationPrincipal Caller caller, @PathVariable("id") UUID id,
                                  @RequestParam(name = "limit", required = false) Integer limit,
                                  @RequestParam(name = "cursor", required = false) String cursor) {
        TerraformState state = readable.get(caller, id);
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > LARGEST_PAGE) {
            throw new InvalidInputException("INVALID_PARAMETER", "limit is 1 to " + LARGEST_PAGE);
        }
        List<StateResourceRepository.Listed> page = service.resources(state, cursor, size);
        return new ResourcePage(page, page.size() == size ? page.get(page.size() - 1).address() : null);
    }
}
