package com.stategraph.billing.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(name = "Forbidden")
public record ForbiddenBody(String id, List<Reason> reasons) {

    @Schema(name = "ForbiddenReason")
    public record Reason(String kind, String detail) {
    }
}
