package com.stategraph.billing.api;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.CostQueryParser;
import com.stategraph.billing.export.FocusParquetExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's normalised FOCUS rows, to take to any other tool. */
@RestController
public class ExportsController {
    static final String PARQUET = "application/vnd.apache.parquet";

    private final FocusParquetExport export;
    private final CostQueryParser parser;
    private final TenantAccess access;

    public ExportsController(FocusParquetExport export, CostQueryParser parser, TenantAccess access) {
        this.export = export;
        this.parser = parser;
        this.access = access;
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/exports/focus.parquet")
    @Operation(summary = "The tenant's loaded FOCUS rows charged in [from, to), as one FOCUS Parquet file, streamed",
            description = "Every FOCUS column under its FOCUS name (costs DECIMAL(38,18), times UTC timestamps, Tags as JSON text),"
                    + " then each x_ column the rows carry; default the month so far.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = PARQUET,
                    schema = @Schema(type = "string", format = "binary"))))
    public void focus(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      HttpServletResponse response) throws IOException {
        access.requireMember(caller, tenantId);
        CostQuery range = parser.parse(tenantId, CostQueryParser.Params.range(from, to, null));
        response.setContentType(PARQUET);
        response.setHeader("Content-Disposition", "attachment; filename=\"focus-" + range.from() + "-" + range.to() + ".parquet\"");
        export.write(tenantId, range.from(), range.to(), response.getOutputStream());
    }
}
