package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.estimates.PricedTypes;
import com.stategraph.billing.estimates.UsageKeys;
import com.stategraph.billing.support.ServerTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/pricing/coverage says which types are priced (with their usage keys), which are free, per cloud. */
class PricingCoverageTest extends ServerTest {

    @Test
    void listsPricedAndFreeTypesPerCloud() {
        String member = api.post(ADMIN_KEY, "/api/v1/tenants/" + newTenant() + "/api-keys", java.util.Map.of("name", "m", "role",
                "member")).text("key");
        assertThat(api.get(null, "/api/v1/pricing/coverage").status()).isEqualTo(401);
        var answer = api.get(member, "/api/v1/pricing/coverage");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        JsonNode body = answer.body();

        List<String> priced = new ArrayList<>();
        body.path("priced").forEach(t -> priced.add(t.path("type").asString()));
        assertThat(priced).isNotEmpty().containsExactlyElementsOf(PricedTypes.priced());
        body.path("priced").forEach(t -> {
            List<String> keys = new ArrayList<>();
            t.path("usage_keys").forEach(k -> keys.add(k.asString()));
            assertThat(keys).as(t.path("type").asString()).containsExactlyInAnyOrderElementsOf(UsageKeys.of(t.path("type").asString())
                    .keySet());
        });
        List<String> free = new ArrayList<>();
        body.path("free").forEach(t -> free.add(t.asString()));
        assertThat(free).contains("aws_vpc", "google_compute_network", "azurerm_resource_group").doesNotContainAnyElementsOf(priced);
        assertThat(body.path("free_prefixes").toString()).contains("aws_iam_");

        for (String provider : List.of("aws", "google", "azurerm")) {
            JsonNode counts = body.path("counts").path(provider);
            assertThat(counts.path("priced").asInt()).as(provider)
                    .isEqualTo((int) priced.stream().filter(t -> t.startsWith(provider + "_")).count()).isPositive();
            assertThat(counts.path("free").asInt()).as(provider)
                    .isEqualTo((int) free.stream().filter(t -> t.startsWith(provider + "_")).count());
            assertThat(counts.path("usage_priced").asInt()).as(provider).isEqualTo((int) priced.stream()
                    .filter(t -> t.startsWith(provider + "_") && !UsageKeys.of(t).isEmpty()).count());
        }
    }
}
