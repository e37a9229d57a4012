package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the servlet container itself refuses (too long, too many parameters) also answers {"id", "data"}. */
class ContainerErrorsApiTest extends ServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode refused(String pathAndQuery, int... statuses) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api.base() + pathAndQuery))
                .header("Authorization", "Bearer " + ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(java.util.Arrays.stream(statuses).boxed().toArray());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).contains("application/json");
        JsonNode body = HttpApi.JSON.readTree(r.body());
        assertThat(body.path("id").asString()).matches("[A-Z_]+");
        assertThat(body.path("data").asString()).isNotBlank();
        return body;
    }

    @Test
    void aParameterLargerThanTheHeaderLimitAnswersJson() throws Exception {
        refused("/api/v1/whoami?x=" + "a".repeat(100_000), 400, 414, 431);
    }

    @Test
    void tooManyParametersAnswerJson() throws Exception {
        String tenant = newTenant();
        StringBuilder q = new StringBuilder("/api/v1/tenants/" + tenant + "/costs/actuals?");
        for (int i = 0; i < 1_200; i++) {
            q.append("tag=k:").append(i).append('&');
        }
        refused(q.toString(), 400);
    }
}
