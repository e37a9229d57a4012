package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Keeps /api/openapi.json true: every API endpoint the server maps is in it, and every field of
 * every answer (and no other) is a property of the schema it documents for that status.
 */
class OpenApiContractTest extends ServerTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode spec;

    @BeforeEach
    void loadSpec() {
        var response = api.get(null, "/api/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        spec = response.body();
    }

    @Test
    void everyMappedApiEndpointIsDocumented() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        // A path variable that captures the rest of the path ({*name}) is documented as {name}.
                        .forEach(m -> mapped.add(m.name() + " " + p.replace("{*", "{")))));
        Set<String> documented = new TreeSet<>();
        spec.path("paths").properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(mapped).hasSizeGreaterThan(10);
        assertThat(documented).isEqualTo(mapped);
    }

    @Test
    void everyAnswerMatchesItsDocumentedSchema() {
        String tenant = newTenant();
        String base = "/api/v1/tenants/" + tenant;
        String member = newKey(tenant, "member");
        check("get", "/api/v1/whoami", api.get(ADMIN_KEY, "/api/v1/whoami"));
        check("get", "/api/v1/whoami", api.get(null, "/api/v1/whoami"));
        check("post", "/api/v1/tenants", api.post(ADMIN_KEY, "/api/v1/tenants", Map.of("name", "spec-" + tenant)));
        check("post", "/api/v1/tenants", api.post(ADMIN_KEY, "/api/v1/tenants", Map.of("name", "spec-" + tenant)));
        check("get", "/api/v1/user/tenants", api.get(ADMIN_KEY, "/api/v1/user/tenants"));

        String keys = "/api/v1/tenants/{tenant_id}/api-keys";
        var key = api.post(ADMIN_KEY, base + "/api-keys", Map.of("name", "k", "role", "admin"));
        check("post", keys, key);
        check("get", keys, api.get(ADMIN_KEY, base + "/api-keys"));
        check("get", keys, api.get(member, base + "/api-keys"));
        check("delete", keys + "/{id}", api.delete(ADMIN_KEY, base + "/api-keys/" + key.text("id")));

        String users = "/api/v1/tenants/{tenant_id}/users";
        check("post", users, api.post(ADMIN_KEY, base + "/users",
                Map.of("email", tenant + "@example.com", "name", "U", "role", "member", "password", "a long password")));
        check("post", users, api.post(ADMIN_KEY, base + "/users", Map.of("email", "bad", "name", "U", "role", "member")));
        check("get", users, api.get(ADMIN_KEY, base + "/users"));

        String sources = "/api/v1/tenants/{tenant_id}/billing-sources";
        var source = api.post(ADMIN_KEY, base + "/billing-sources",
                Map.of("provider", "aws", "source_uri", "s3://spec/x/*.parquet", "region", "us-east-1"));
        String id = source.text("id");
        check("post", sources, source);
        check("post", sources, api.post(ADMIN_KEY, base + "/billing-sources",
                Map.of("provider", "aws", "source_uri", "s3://spec/x/*.parquet")));
        check("get", sources, api.get(ADMIN_KEY, base + "/billing-sources"));
        check("get", sources + "/{id}", api.get(ADMIN_KEY, base + "/billing-sources/" + id));
        check("put", sources + "/{id}", api.put(ADMIN_KEY, base + "/billing-sources/" + id, Map.of("window_months", 4)));
        check("put", sources + "/{id}", api.put(member, base + "/billing-sources/" + id, Map.of("window_months", 4)));
        check("post", sources + "/{id}/sync", api.post(ADMIN_KEY, base + "/billing-sources/" + id + "/sync", null));
        check("get", sources + "/{id}/runs", api.get(ADMIN_KEY, base + "/billing-sources/" + id + "/runs"));
        check("get", "/api/v1/tenants/{tenant_id}/audit-log", api.get(ADMIN_KEY, base + "/audit-log"));
        check("delete", sources + "/{id}", api.delete(ADMIN_KEY, base + "/billing-sources/" + id));
        check("delete", sources + "/{id}", api.delete(ADMIN_KEY, base + "/billing-sources/" + id));

        String push = "/api/v1/tenants/{tenant_id}/states/{name}";
        String state = com.stategraph.billing.support.TerraformStates.state(2, "l")
                .managed("aws_eip", "ip", "aws", Map.of("id", "eipalloc-1")).json();
        var created = api.put(ADMIN_KEY, base + "/states/envs/prod", state);
        check("put", push, created);
        check("put", push, api.put(ADMIN_KEY, base + "/states/envs/prod", state));
        check("put", push, api.put(ADMIN_KEY, base + "/states/envs/prod", state.replace("\"serial\":2", "\"serial\":1")));
        check("put", push, api.put(ADMIN_KEY, base + "/states/envs/prod", "{\"version\": 3}"));
        check("put", push, api.put(member, base + "/states/envs/prod", state));
        check("get", "/api/v1/tenants/{tenant_id}/states", api.get(member, base + "/states"));
        String stateId = created.text("id");
        check("get", "/api/v1/states/{id}", api.get(member, "/api/v1/states/" + stateId));
        check("get", "/api/v1/states/{id}/resources", api.get(member, "/api/v1/states/" + stateId + "/resources"));
        check("delete", "/api/v1/states/{id}", api.delete(member, "/api/v1/states/" + stateId));
        check("delete", "/api/v1/states/{id}", api.delete(ADMIN_KEY, "/api/v1/states/" + stateId));
        check("get", "/api/v1/states/{id}", api.get(ADMIN_KEY, "/api/v1/states/" + stateId));

        check("get", "/api/v1/pricing", api.get(member, "/api/v1/pricing"));
        check("post", "/api/v1/pricing/products", api.postBytes(member, "/api/v1/pricing/products", new byte[0], "text/csv"));
        check("post", "/api/v1/pricing/products", api.postBytes(ADMIN_KEY, "/api/v1/pricing/products",
                "x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv"));
    }

    private void check(String method, String path, HttpApi.Response response) {
        JsonNode operation = spec.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as(method + " " + path + " is documented").isTrue();
        JsonNode documented = operation.path("responses").path(String.valueOf(response.status()));
        assertThat(documented.isObject()).as(method + " " + path + " documents status " + response.status()).isTrue();
        if (response.raw().isBlank()) {
            assertThat(documented.path("content").isMissingNode()).as(method + " " + path + " " + response.status() + " has no body").isTrue();
            return;
        }
        JsonNode schema = documented.path("content").properties().iterator().next().getValue().path("schema");
        List<String> problems = new ArrayList<>();
        compare(method + " " + path + " " + response.status(), schema, response.body(), problems);
        assertThat(problems).isEmpty();
    }

    private void compare(String where, JsonNode documented, JsonNode value, List<String> problems) {
        JsonNode schema = resolve(documented);
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            if (!properties.isObject()) {
                if (!schema.path("additionalProperties").isMissingNode()) {
                    return;
                }
                problems.add(where + ": answers an object, documents " + schema);
                return;
            }
            Set<String> expected = new HashSet<>(properties.propertyNames());
            Set<String> actual = new HashSet<>(value.propertyNames());
            if (!expected.equals(actual)) {
                problems.add(where + ": fields " + new TreeSet<>(actual) + " but documented " + new TreeSet<>(expected));
            }
            value.properties().forEach(e -> {
                if (properties.has(e.getKey())) {
                    compare(where + "." + e.getKey(), properties.path(e.getKey()), e.getValue(), problems);
                }
            });
        } else if (value.isArray()) {
            value.forEach(item -> compare(where + "[]", schema.path("items"), item, problems));
        } else if (value.isNull()) {
            if (!schema.path("type").toString().contains("null") && !schema.path("nullable").asBoolean()) {
                problems.add(where + ": is null but not documented as nullable");
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        return spec.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
