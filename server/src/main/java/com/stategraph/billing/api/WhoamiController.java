package com.stategraph.billing.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.auth.Caller;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class WhoamiController {

    @Schema(name = "Whoami")
    public record Whoami(UUID id, String name, @Schema(nullable = true) String email,
                         @JsonProperty("is_admin") boolean isAdmin,
                         @Schema(allowableValues = {"user", "api"}) String type) {
    }

    @GetMapping("/api/v1/whoami")
    public Whoami whoami(@AuthenticationPrincipal Caller caller) {
        return new Whoami(caller.id(), caller.name(), caller.email(), caller.isAdmin(),
                caller.type().name().toLowerCase(Locale.ROOT));
    }
}
