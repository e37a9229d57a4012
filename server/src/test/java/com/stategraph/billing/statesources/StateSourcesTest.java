package com.stategraph.billing.statesources;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.stategraph.billing.support.Azurite;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/** State sources against the real S3 and Azure protocol servers on loopback: synced, re-synced, changed, removed. */
class StateSourcesTest extends SyncServerTest {

    private static String state(long serial, String lineage, int instances) {
        TerraformStates s = TerraformStates.state(serial, lineage);
        for (int i = 0; i < instances; i++) {
            s.managed("aws_instance", "web" + i, "aws", Map.of("id", "i-" + lineage + i, "instance_type", "t3.large",
                    "region", "us-east-1"));
        }
        return s.json();
    }

    @Test
    void anS3BackendsStatesAreSyncedChangedAndRemoved() {
        String bucket = "tf-state-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = s3Admin()) {
            s3.createBucket(b -> b.bucket(bucket));
            put(s3, bucket, "envs/prod/terraform.tfstate", state(5, "prod", 2));
            put(s3, bucket, "envs/dev/terraform.tfstate", state(1, "dev", 1));
            put(s3, bucket, "env:/staging/app.tfstate", state(3, "staging", 3));
            put(s3, bucket, "envs/broken.tfstate", "{\"version\": 4, \"serial\": 1, \"resources\": [");
            put(s3, bucket, "envs/notes.txt", "not a state");
        }
        String tenant = newTenant();
        HttpApi.Response created = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources",
                Map.of("source_uri", "s3://" + bucket + "/**/*.tfstate", "region", "us-east-1"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String source = created.text("id");
        assertThat(created.body().path("region").asString()).isEqualTo("us-east-1");

        JsonNode first = syncStates(tenant, source);
        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("ok");
        assertThat(first.path("objects").asInt()).isEqualTo(4);
        assertThat(first.path("states_pushed").asInt()).isEqualTo(3);
        assertThat(first.path("warnings").size()).isEqualTo(1);
        assertThat(first.path("warnings").get(0).asString()).contains("s3://" + bucket + "/envs/broken.tfstate").contains("INVALID_STATE");
        assertThat(resourceCounts(tenant)).containsOnly(Map.entry("envs/prod/terraform.tfstate", 2),
                Map.entry("envs/dev/terraform.tfstate", 1), Map.entry("env_/staging/app.tfstate", 3));
        JsonNode listed = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources").body().path("results").get(0);
        assertThat(listed.path("last_status").asString()).isEqualTo("ok");
        assertThat(listed.path("last_state_count").asInt()).isEqualTo(3);
        JsonNode prod = stateNamed(tenant, "envs/prod/terraform.tfstate");
        assertThat(prod.path("source").asString()).isEqualTo("s3://" + bucket + "/envs/prod/terraform.tfstate");

        JsonNode unchanged = syncStates(tenant, source);
        assertThat(unchanged.path("states_unchanged").asInt()).isEqualTo(3);
        assertThat(unchanged.path("states_pushed").asInt()).isZero();

        try (S3Client s3 = s3Admin()) {
            put(s3, bucket, "envs/prod/terraform.tfstate", state(6, "prod", 4));
            s3.deleteObject(b -> b.bucket(bucket).key("envs/dev/terraform.tfstate"));
        }
        JsonNode changed = syncStates(tenant, source);
        assertThat(changed.path("states_pushed").asInt()).isEqualTo(1);
        assertThat(changed.path("states_removed").asInt()).isEqualTo(1);
        assertThat(resourceCounts(tenant)).containsOnly(Map.entry("envs/prod/terraform.tfstate", 4),
                Map.entry("env_/staging/app.tfstate", 3));

        // A state belongs to where it came from: a push does not replace a source's state.
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/envs/prod/terraform.tfstate",
                state(9, "prod", 1));
        assertThat(pushed.status()).isEqualTo(409);
        assertThat(pushed.text("id")).isEqualTo("STATE_NAME_TAKEN");

        JsonNode runs = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources/" + source + "/runs").body().path("results");
        assertThat(runs.size()).isEqualTo(3);
        assertThat(runs.get(0).path("id").asString()).isEqualTo(changed.path("id").asString());

        assertThat(api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources/" + source).status()).isEqualTo(204);
        assertThat(resourceCounts(tenant)).isEmpty();
    }

    @Test
    void anAzurermBackendsStatesAreSyncedThroughTheBlobEndpoint() {
        String container = "tfstate-" + UUID.randomUUID().toString().substring(0, 8);
        BlobContainerClient blobs = AZURITE.admin().createBlobContainer(container);
        blobs.getBlobClient("prod.terraform.tfstate").upload(BinaryData.fromString(state(2, "az-prod", 2)));
        blobs.getBlobClient("prod.terraform.tfstateenv:test").upload(BinaryData.fromString(state(1, "az-test", 1)));
        String tenant = newTenant();
        HttpApi.Response created = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources",
                Map.of("source_uri", "abfss://" + container + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/prod.terraform.tfstate*"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        JsonNode run = syncStates(tenant, created.text("id"));

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(resourceCounts(tenant)).containsOnly(Map.entry("prod.terraform.tfstate", 2),
                Map.entry("prod.terraform.tfstateenv_test", 1));
    }

    @Test
    void aSourceThatCannotBeListedFailsWithAnErrorAndKeepsItsStates() {
        String tenant = newTenant();
        String source = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources",
                Map.of("source_uri", "s3://no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8) + "/*.tfstate",
                        "region", "us-east-1")).text("id");
        JsonNode run = syncStates(tenant, source);
        assertThat(run.path("status").asString()).isEqualTo("error");
        assertThat(run.path("error").asString()).isNotBlank();
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources/" + source).body().path("last_status").asString())
                .isEqualTo("error");
        String member = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "m", "role", "member")).text("key");
        assertThat(api.get(member, "/api/v1/tenants/" + tenant + "/state-sources").status()).as("members do not see sources")
                .isEqualTo(403);
        assertThat(api.post(member, "/api/v1/tenants/" + tenant + "/state-sources/" + source + "/sync", Map.of()).status())
                .isEqualTo(403);
        HttpApi.Response bad = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources", Map.of("source_uri", "ftp://x/y"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("id")).isEqualTo("INVALID_SOURCE_URI");
    }

    private static void put(S3Client s3, String bucket, String key, String body) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    private JsonNode syncStates(String tenant, String source) {
        HttpApi.Response requested = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources/" + source + "/sync", Map.of());
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        String run = requested.text("id");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode runs = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/state-sources/" + source + "/runs").body().path("results");
            for (JsonNode r : runs) {
                if (r.path("id").asString().equals(run) && (r.path("status").asString().equals("ok")
                        || r.path("status").asString().equals("error"))) {
                    return r;
                }
            }
            assertThat(Instant.now()).as("the state source sync finishes within a minute").isBefore(deadline);
            sleep(200);
        }
    }

    private Map<String, Integer> resourceCounts(String tenant) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/states").body().path("results")
                .forEach(s -> counts.put(s.path("name").asString(), s.path("resource_count").asInt()));
        return counts;
    }

    private JsonNode stateNamed(String tenant, String name) {
        for (JsonNode s : api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/states").body().path("results")) {
            if (s.path("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no state " + name);
    }
}
