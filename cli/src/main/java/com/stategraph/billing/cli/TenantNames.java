package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A tenant named rather than given by id: looked up among the caller's tenants, by exact name, else ignoring case. */
final class TenantNames {
    private TenantNames() {
    }

    static String resolve(ApiClient api, String name) {
        List<JsonNode> tenants = new ArrayList<>();
        api.get("/api/v1/user/tenants").path("results").forEach(tenants::add);
        List<JsonNode> exact = tenants.stream().filter(t -> t.path("name").asString().equals(name)).toList();
        List<JsonNode> found = exact.isEmpty()
                ? tenants.stream().filter(t -> t.path("name").asString().equalsIgnoreCase(name)).toList() : exact;
        if (found.size() == 1) {
            return found.get(0).path("id").asString();
        }
        List<String> names = tenants.stream().map(t -> t.path("name").asString()).sorted().limit(10).toList();
        throw new Main.BadSetting(found.isEmpty()
                ? "--tenant: none of your tenants is named '" + name + "'" + (names.isEmpty() ? " (you have none)"
                        : " (yours: " + String.join(", ", names) + (tenants.size() > names.size() ? ", ..." : "") + ")")
                : "--tenant: " + found.size() + " of your tenants are named '" + name + "' ignoring case: give its exact name or id");
    }
}
