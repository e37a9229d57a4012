package com.stategraph.billing.budgets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Which lines a budget or forecast counts: all of the tenant's, or those the filters select (all must match). */
@Schema(name = "SpendScope")
public record SpendScope(@Schema(nullable = true) String provider,
                         @Schema(nullable = true) String service,
                         @Schema(nullable = true) @JsonProperty("sub_account") String subAccount,
                         @Schema(description = "K:V: lines whose tag K has the value V") List<String> tags) {

    public static final SpendScope ALL = new SpendScope(null, null, null, List.of());

    public SpendScope {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
