package com.stategraph.billing.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(name = "Forbidden")
/** The one error shape ({@code id}, {@code data}), with the reasons a refusal is made of. */
public record ForbiddenBody(String id, String data, List<Reason> reasons) {

    @Schema(name = "ForbiddenReason")
    public record Reason(String kind, String detail) {
    }
}
