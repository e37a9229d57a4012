package com.stategraph.billing.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * A 200 MB Terraform state pushed to a real server process with a 512 MB heap: it is read as a
 * stream, one instance at a time (as a tree it would need several times the heap), and every
 * managed instance is stored.
 */
class LargeStateProcessTest {
    private static final String KEY = "sgk_large-state-admin-key-0123456789abcdef";
    private static final long TARGET_BYTES = 200L << 20;

    /** Writes the state with a streaming generator; returns the number of managed instances. */
    private static int write(Path file) throws Exception {
        int instances = 0;
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = HttpApi.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("version", 4);
            g.writeStringProperty("terraform_version", "1.9.8");
            g.writeNumberProperty("serial", 42);
            g.writeStringProperty("lineage", "large-lineage");
            g.writeName("resources");
            g.writeStartArray();
            String userData = "#!/bin/bash\n" + "echo provisioning\n".repeat(250);
            for (int r = 0; Files.size(file) < TARGET_BYTES; r++) {
                g.writeStartObject();
                g.writeStringProperty("module", "module.fleet[" + r % 50 + "]");
                g.writeStringProperty("mode", "managed");
                g.writeStringProperty("type", "aws_instance");
                g.writeStringProperty("name", "node" + r);
                g.writeStringProperty("provider", "provider[\"registry.terraform.io/hashicorp/aws\"]");
                g.writeName("instances");
                g.writeStartArray();
                for (int i = 0; i < 20; i++) {
                    g.writeStartObject();
                    g.writeNumberProperty("index_key", i);
                    g.writeName("attributes");
                    g.writeStartObject();
                    g.writeStringProperty("id", "i-" + r + "-" + i);
                    g.writeStringProperty("arn", "arn:aws:ec2:eu-west-1:123456789012:instance/i-" + r + "-" + i);
                    g.writeStringProperty("instance_type", "m5.large");
                    g.writeStringProperty("availability_zone", "eu-west-1b");
                    g.writeStringProperty("user_data", userData);
                    g.writeName("tags");
                    g.writeStartObject();
                    g.writeStringProperty("team", "t" + r % 7);
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeName("sensitive_attributes");
                    g.writeStartArray();
                    g.writeEndArray();
                    g.writeEndObject();
                    instances++;
                }
                g.writeEndArray();
                g.writeEndObject();
                g.flush();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return instances;
    }

    @Test
    void aStateOfTwoHundredMegabytesIsStoredByAServerWithAHalfGigabyteHeap() throws Exception {
        Path file = Files.createTempFile("large", ".tfstate");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            int instances = write(file);
            assertThat(Files.size(file)).isGreaterThanOrEqualTo(TARGET_BYTES);
            Map<String, String> database = Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(pg.getPort()),
                    "DB_USER", "postgres", "DB_NAME", "postgres");
            try (ServerProcess server = ServerProcess.start(database, KEY)) {
                HttpApi api = new HttpApi(server.port());
                String tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "large-state")).text("id");
                HttpResponse<String> pushed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(server.base() + "/api/v1/tenants/" + tenant + "/states/fleet"))
                        .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(5)).PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
                JsonNode state = HttpApi.JSON.readTree(pushed.body());
                assertThat(state.path("resource_count").asInt()).isEqualTo(instances);
                assertThat(state.path("serial").asLong()).isEqualTo(42);

                var page = api.get(KEY, "/api/v1/states/" + state.path("id").asString() + "/resources?limit=1");
                JsonNode first = page.body().path("results").get(0);
                assertThat(first.path("address").asString()).isEqualTo("module.fleet[0].aws_instance.node0[0]");
                assertThat(first.path("region").asString()).isEqualTo("eu-west-1");
                assertThat(api.get(KEY, "/actuator/health").status()).as("the server is still up").isEqualTo(200);
                assertThat(server.log()).doesNotContain("OutOfMemoryError");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
