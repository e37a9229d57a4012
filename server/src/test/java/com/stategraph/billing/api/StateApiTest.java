package com.stategraph.billing.api;

import static com.stategraph.billing.support.TerraformStates.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import com.stategraph.billing.support.TerraformStates;
import com.stategraph.billing.support.TerraformStates.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Pushing, replacing, reading and removing Terraform states through the API. */
class StateApiTest extends ServerTest {
    private static final String LINEAGE = "6c4b0b3e-1f0a-4c1e-9d7e-3b1f4c2a9e10";

    /** A state with one instance of each shape the inventory must get right. */
    private static TerraformStates sample(long serial, String lineage) {
        Map<String, Object> db = new HashMap<>(Map.of("id", "db-1", "arn", "arn:aws:rds:eu-west-1:123456789012:db:db-1",
                "resource_id", "db-ABCDEF", "instance_class", "db.t3.micro", "password", "s3cret-pw",
                "tags", Map.of("team", "data"), "tags_all", Map.of("team", "data", "env", "prod")));
        return TerraformStates.state(serial, lineage)
                .resource("managed", "module.app", "aws_instance", "web", "aws",
                        Instance.of(0, Map.of("id", "i-0aaa", "arn", "arn:aws:ec2:eu-central-1:123456789012:instance/i-0aaa",
                                "instance_type", "m5.large", "user_data", "x".repeat(5000))),
                        Instance.of(1, Map.of("id", "i-0bbb", "availability_zone", "us-west-2b", "instance_type", "m5.large")))
                .resource("managed", null, "aws_lb", "x", "aws",
                        Instance.of("blue", Map.of("id", "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/x/1",
                                "arn", "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/x/1")),
                        Instance.of("say \"hi\"", Map.of("id", "lb-2", "region", "ap-south-1")))
                .resource("managed", null, "aws_db_instance", "main", "aws",
                        new Instance(null, db, List.of(path("password"))))
                .managed("aws_iam_role", "ci", "aws", Map.of("id", "ci", "arn", "arn:aws:iam::123456789012:role/ci"))
                .resource("data", null, "aws_ami", "ubuntu", "aws", Instance.of(null, Map.of("id", "ami-1")))
                .managed("google_compute_instance", "vm", "google", Map.of("id", "projects/p/zones/europe-west1-b/instances/vm",
                        "self_link", "https://www.googleapis.com/compute/v1/projects/p/zones/europe-west1-b/instances/vm",
                        "instance_id", "4112233445566", "zone", "europe-west1-b", "machine_type", "e2-small",
                        "labels", Map.of("team", "web")))
                .managed("azurerm_managed_disk", "d", "azurerm", Map.of("id",
                        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/d", "location", "westeurope",
                        "storage_account_type", "Premium_LRS", "disk_size_gb", 128));
    }

    private HttpApi.Response push(String key, String tenant, String name, String body) {
        return api.put(key, "/api/v1/tenants/" + tenant + "/states/" + name, body);
    }

    private Map<String, JsonNode> resources(String key, String stateId) {
        Map<String, JsonNode> byAddress = new HashMap<>();
        String cursor = null;
        do {
            var page = api.get(key, "/api/v1/states/" + stateId + "/resources?limit=3" + (cursor == null ? "" : "&cursor="
                    + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().path("results").size()).isLessThanOrEqualTo(3);
            page.body().path("results").forEach(r -> byAddress.put(r.path("address").asString(), r));
            cursor = page.body().path("next_cursor").isNull() ? null : page.body().path("next_cursor").asString();
        } while (cursor != null);
        return byAddress;
    }

    @Test
    void aPushedStateListsItsManagedInstancesWithRegionsTagsAndCloudIds() {
        String tenant = newTenant();
        var created = push(ADMIN_KEY, tenant, "envs/prod/app.tfstate", sample(7, LINEAGE).json());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode state = created.body();
        assertThat(state.path("name").asString()).isEqualTo("envs/prod/app.tfstate");
        assertThat(state.path("tenant_id").asString()).isEqualTo(tenant);
        assertThat(state.path("serial").asLong()).isEqualTo(7);
        assertThat(state.path("lineage").asString()).isEqualTo(LINEAGE);
        assertThat(state.path("terraform_version").asString()).isEqualTo("1.9.8");
        assertThat(state.path("source").asString()).isEqualTo("upload");
        assertThat(state.path("resource_count").asInt()).as("8 managed instances; the data source is not one").isEqualTo(8);
        assertThat(state.path("updated_at").asString()).endsWith("Z");

        Map<String, JsonNode> r = resources(ADMIN_KEY, state.path("id").asString());
        assertThat(r.keySet()).containsExactlyInAnyOrder("module.app.aws_instance.web[0]", "module.app.aws_instance.web[1]",
                "aws_lb.x[\"blue\"]", "aws_lb.x[\"say \\\"hi\\\"\"]", "aws_db_instance.main", "aws_iam_role.ci",
                "google_compute_instance.vm", "azurerm_managed_disk.d");
        assertThat(r.get("module.app.aws_instance.web[0]").path("region").asString()).as("from the ARN").isEqualTo("eu-central-1");
        assertThat(r.get("module.app.aws_instance.web[1]").path("region").asString()).as("from the zone").isEqualTo("us-west-2");
        assertThat(r.get("aws_lb.x[\"say \\\"hi\\\"\"]").path("region").asString()).as("its region attribute").isEqualTo("ap-south-1");
        assertThat(r.get("aws_iam_role.ci").path("region").asString()).as("global: the default").isEqualTo("us-east-1");
        assertThat(r.get("google_compute_instance.vm").path("region").asString()).isEqualTo("europe-west1");
        assertThat(r.get("azurerm_managed_disk.d").path("region").asString()).isEqualTo("westeurope");
        assertThat(r.get("google_compute_instance.vm").path("provider").asString()).isEqualTo("google");
        assertThat(r.get("azurerm_managed_disk.d").path("type").asString()).isEqualTo("azurerm_managed_disk");

        assertThat(HttpApi.JSON.convertValue(r.get("aws_db_instance.main").path("tags"), Map.class))
                .as("tags_all before tags").isEqualTo(Map.of("team", "data", "env", "prod"));
        assertThat(HttpApi.JSON.convertValue(r.get("google_compute_instance.vm").path("tags"), Map.class))
                .as("labels").isEqualTo(Map.of("team", "web"));
        assertThat(strings(r.get("aws_db_instance.main").path("cloud_ids")))
                .containsExactly("db-1", "arn:aws:rds:eu-west-1:123456789012:db:db-1", "db-ABCDEF");
        assertThat(strings(r.get("google_compute_instance.vm").path("cloud_ids"))).containsExactly(
                "projects/p/zones/europe-west1-b/instances/vm",
                "https://www.googleapis.com/compute/v1/projects/p/zones/europe-west1-b/instances/vm", "4112233445566");
        assertThat(strings(r.get("aws_lb.x[\"blue\"]").path("cloud_ids"))).as("one id once")
                .containsExactly("arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/x/1");

        // Secrets and long strings never reach the database; what estimates read does.
        String stored = jdbc.sql("SELECT string_agg(attributes::text, ' ') FROM terraform_resources WHERE state_id = ?::uuid")
                .param(state.path("id").asString()).query(String.class).single();
        assertThat(stored).contains("db.t3.micro", "m5.large", "Premium_LRS").doesNotContain("s3cret-pw", "hunter2", "xxxxxxxx");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    @Test
    void aNewerSerialReplacesAnOlderOneOfTheSameLineageIsRefused() {
        String tenant = newTenant();
        String id = push(ADMIN_KEY, tenant, "net", sample(5, LINEAGE).json()).text("id");
        var replaced = push(ADMIN_KEY, tenant, "net", TerraformStates.state(6, LINEAGE)
                .managed("aws_eip", "ip", "aws", Map.of("id", "eipalloc-1", "region", "eu-west-1")).json());
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.text("id")).isEqualTo(id);
        assertThat(replaced.body().path("resource_count").asInt()).isEqualTo(1);
        assertThat(resources(ADMIN_KEY, id).keySet()).containsExactly("aws_eip.ip");

        var stale = push(ADMIN_KEY, tenant, "net", sample(4, LINEAGE).json());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("id")).isEqualTo("STALE_STATE");
        assertThat(stale.text("data")).contains("serial 6").contains("serial 4");
        assertThat(resources(ADMIN_KEY, id).keySet()).as("nothing changed").containsExactly("aws_eip.ip");
        assertThat(api.get(ADMIN_KEY, "/api/v1/states/" + id).body().path("serial").asLong()).isEqualTo(6);

        var otherLineage = push(ADMIN_KEY, tenant, "net", sample(99, "another-lineage").json());
        assertThat(otherLineage.status()).as("another state's history does not replace this one").isEqualTo(409);
        assertThat(otherLineage.text("id")).isEqualTo("LINEAGE_MISMATCH");
        assertThat(otherLineage.text("data")).contains(LINEAGE).contains("another-lineage").contains("force=true");
        assertThat(resources(ADMIN_KEY, id).keySet()).as("nothing changed").containsExactly("aws_eip.ip");

        var forced = push(ADMIN_KEY, tenant, "net?force=true", sample(1, "another-lineage").json());
        assertThat(forced.status()).as("forced, as terraform state push -force").isEqualTo(200);
        assertThat(forced.body().path("resource_count").asInt()).isEqualTo(8);
        assertThat(forced.text("lineage")).isEqualTo("another-lineage");
    }

    @Test
    void hostileStatesAre400NamingWhatIsWrongAndLeaveTheStoredStateAsItWas() {
        String tenant = newTenant();
        String id = push(ADMIN_KEY, tenant, "s", sample(1, LINEAGE).json()).text("id");
        String start = "{\"version\": 4, \"serial\": 2, \"lineage\": \"" + LINEAGE + "\", \"resources\": [";
        String instance = "{\"mode\": \"managed\", \"type\": \"aws_instance\", \"name\": \"%s\", \"provider\":"
                + " \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\", \"instances\": [{\"attributes\": %s}]}";
        record Hostile(String what, String body, String says) {
        }
        List<Hostile> hostile = List.of(
                new Hostile("NUL in an attribute", start + instance.formatted("web", "{\"id\": \"i-1\", \"instance_type\": \"m5\\u0000x\"}")
                        + "]}", "NUL"),
                new Hostile("NUL in a name", start + instance.formatted("we\\u0000b", "{\"id\": \"i-1\"}") + "]}", "NUL"),
                new Hostile("an address over the limit", start + instance.formatted("x".repeat(3000), "{\"id\": \"i-1\"}") + "]}",
                        "at most 1000"),
                new Hostile("a duplicate key", "{\"version\": 4, \"serial\": 2, \"lineage\": \"" + LINEAGE
                        + "\", \"resources\": [], \"resources\": []}", "Duplicate"),
                new Hostile("a duplicate attribute", start + instance.formatted("web", "{\"id\": \"i-1\", \"id\": \"i-2\"}") + "]}",
                        "Duplicate"),
                new Hostile("content after the document", start + "]} {\"more\": 1}", "nothing may follow"),
                new Hostile("a negative serial", "{\"version\": 4, \"serial\": -1, \"lineage\": \"" + LINEAGE
                        + "\", \"resources\": []}", "serial"),
                new Hostile("a long lineage", "{\"version\": 4, \"serial\": 2, \"lineage\": \"" + "l".repeat(65)
                        + "\", \"resources\": []}", "at most 64"));
        assertThat(hostile).isNotEmpty();
        for (Hostile h : hostile) {
            var refused = push(ADMIN_KEY, tenant, "s", h.body());
            assertThat(refused.status()).as(h.what() + ": " + refused.raw()).isEqualTo(400);
            assertThat(refused.text("id")).as(h.what()).isEqualTo("INVALID_STATE");
            assertThat(refused.text("data")).as(h.what()).contains(h.says());
        }
        assertThat(resources(ADMIN_KEY, id)).as("the stored state is as it was").hasSize(8);
        assertThat(api.get(ADMIN_KEY, "/api/v1/states/" + id).body().path("serial").asLong()).isEqualTo(1);
    }

    @Test
    void aModuleNamedAfterItsInstancesStillNamesTheAddress() {
        String tenant = newTenant();
        // JSON objects are unordered: here every resource's "module" comes after its "instances".
        String resource = "{\"mode\": \"managed\", \"type\": \"aws_db_instance\", \"name\": \"x\", \"provider\":"
                + " \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\", \"instances\": [{\"attributes\": {\"id\": \"%s\","
                + " \"instance_class\": \"db.t3.micro\"}}], \"module\": \"%s\"}";
        String body = "{\"version\": 4, \"serial\": 1, \"lineage\": \"" + LINEAGE + "\", \"resources\": ["
                + resource.formatted("db-payments", "module.payments") + ", " + resource.formatted("db-orders", "module.orders") + "]}";
        var pushed = push(ADMIN_KEY, tenant, "modules", body);
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        Map<String, JsonNode> listed = resources(ADMIN_KEY, pushed.text("id"));
        assertThat(listed.keySet()).containsExactlyInAnyOrder("module.payments.aws_db_instance.x", "module.orders.aws_db_instance.x");
        assertThat(listed.get("module.orders.aws_db_instance.x").path("cloud_ids").get(0).asString()).isEqualTo("db-orders");
    }

    @Test
    void hostileUsageDocumentsAre400NamingTheField() {
        String tenant = newTenant();
        String id = push(ADMIN_KEY, tenant, "u", sample(1, LINEAGE).json()).text("id");
        String path = "/api/v1/states/" + id + "/usage";
        assertThat(api.put(ADMIN_KEY, path, "{\"resource_usage\": {\"aws_lb.x[\\\"blue\\\"]\": {}}}").status()).isEqualTo(200);
        record Hostile(String body, String says) {
        }
        List<Hostile> hostile = List.of(
                new Hostile("{\"resource_usage\": {\"aws_s3_bucket.l\\u0000ogs\": {\"standard_storage_gb\": 1}}}", "\\u0000"),
                new Hostile("{\"resource_usage\": {\"aws_s3_bucket.logs\": {\"standard\\u0000_storage_gb\": 1}}}", "not a usage key"),
                new Hostile("{\"resource_usage\": {\"aws_s3_bucket.logs\": {\"standard_storage_gb\": 1e309}}}",
                        "resource_usage.aws_s3_bucket.logs.standard_storage_gb"),
                new Hostile("{\"resource_usage\": {}, \"resource_usag\": {}}", "unknown key resource_usag"));
        assertThat(hostile).isNotEmpty();
        for (Hostile h : hostile) {
            var refused = api.put(ADMIN_KEY, path, h.body());
            assertThat(refused.status()).as(h.body() + " " + refused.raw()).isEqualTo(400);
            assertThat(refused.text("id")).isEqualTo("INVALID_USAGE");
            assertThat(refused.text("data")).contains(h.says());
        }
        assertThat(api.get(ADMIN_KEY, path).body().path("resource_usage").has("aws_lb.x[\"blue\"]")).as("kept as it was").isTrue();
    }

    @Test
    void onlyTheAttributesPricingReadsAreKeptSoNoSecretReachesTheDatabaseOrTheLog() throws Exception {
        String tenant = newTenant();
        String secret = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";
        var pushed = push(ADMIN_KEY, tenant, "app", TerraformStates.state(1, LINEAGE)
                .managed("aws_instance", "web", "aws", Map.of("id", "i-9", "instance_type", "t3.micro", "region", "eu-west-1",
                        "user_data", "#!/bin/sh\nexport " + secret + "\n", "metadata_options", List.of(Map.of("note", secret)),
                        "tags_all", Map.of("team", "web")))
                .managed("aws_iam_user", "ci", "aws", Map.of("id", "ci", "arn", "arn:aws:iam::123456789012:user/ci",
                        "unknown_field", secret))
                .json());
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        String stored = jdbc.sql("SELECT string_agg(attributes::text, ' ') FROM terraform_resources WHERE state_id = ?::uuid")
                .param(pushed.text("id")).query(String.class).single();
        assertThat(stored).contains("t3.micro").contains("i-9").contains("team").doesNotContain("wJalrXUtnFEMI")
                .doesNotContain("user_data").doesNotContain("metadata_options").doesNotContain("unknown_field");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aStateThatFailsLeavesNoValueOfItInTheLog(org.springframework.boot.test.system.CapturedOutput log) {
        String tenant = newTenant();
        String secret = "AWS_SECRET_ACCESS_KEY=LOGGEDxSECRETxEXAMPLExKEY";
        // Tags are kept, so they reach the database: once with NUL beside them, once as two instances of one address.
        var nul = push(ADMIN_KEY, tenant, "app", TerraformStates.state(1, LINEAGE).managed("aws_instance", "web", "aws",
                Map.of("id", "i-1", "user_data", secret, "tags_all", Map.of("k", secret, "n", "a\u0000b"))).json());
        assertThat(nul.status()).as(nul.raw()).isEqualTo(400);
        var twice = push(ADMIN_KEY, tenant, "app", TerraformStates.state(1, LINEAGE).resource("managed", null, "aws_instance", "web",
                "aws", Instance.of(null, Map.of("id", "i-1", "tags_all", Map.of("k", secret))),
                Instance.of(null, Map.of("id", "i-2", "tags_all", Map.of("k", secret)))).json());
        assertThat(twice.status()).as(twice.raw()).isEqualTo(400);
        assertThat(nul.raw() + twice.raw()).doesNotContain("LOGGEDxSECRET");
        assertThat(log.getAll()).doesNotContain("LOGGEDxSECRET");
        assertThat(jdbc.sql("SELECT count(*) FROM terraform_resources WHERE tags::text LIKE '%LOGGEDxSECRET%'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void badBodiesAndNamesAreRefusedSayingWhatIsWrong() {
        String tenant = newTenant();
        var malformed = push(ADMIN_KEY, tenant, "s", "{\"version\": 4,\n \"serial\": 1, \"resources\": [ {\"mode\": }");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("id")).isEqualTo("INVALID_STATE");
        assertThat(malformed.text("data")).contains("not valid JSON").contains("line 2");

        var v3 = push(ADMIN_KEY, tenant, "s", "{\"version\": 3, \"serial\": 1, \"modules\": []}");
        assertThat(v3.status()).isEqualTo(400);
        assertThat(v3.text("data")).contains("version 3").contains("format version 4");

        var noResources = push(ADMIN_KEY, tenant, "s", "{\"version\": 4, \"serial\": 1, \"lineage\": \"l\"}");
        assertThat(noResources.status()).isEqualTo(400);
        assertThat(noResources.text("data")).contains("\"resources\"");

        var notAnArray = push(ADMIN_KEY, tenant, "s", "{\"version\": 4, \"serial\": 1, \"resources\": {}}");
        assertThat(notAnArray.status()).isEqualTo(400);
        assertThat(notAnArray.text("data")).contains("\"resources\" must be an array");

        for (String name : List.of("bad%20name", "a:b", "x".repeat(201))) {
            var refused = push(ADMIN_KEY, tenant, name, sample(1, LINEAGE).json());
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.text("id")).isEqualTo("INVALID_NAME");
        }
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/states").body().path("results").size())
                .as("nothing refused was stored").isZero();
    }

    @Test
    void adminsWriteMembersReadOtherTenantsSeeNothing() {
        String tenant = newTenant();
        String member = newKey(tenant, "member");
        String admin = newKey(tenant, "admin");
        String id = push(admin, tenant, "app", sample(1, LINEAGE).json()).text("id");

        assertThat(push(member, tenant, "app", sample(2, LINEAGE).json()).status()).isEqualTo(403);
        var listed = api.get(member, "/api/v1/tenants/" + tenant + "/states");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("results").get(0).path("id").asString()).isEqualTo(id);
        assertThat(api.get(member, "/api/v1/states/" + id).status()).isEqualTo(200);
        assertThat(resources(member, id)).hasSize(8);
        assertThat(api.delete(member, "/api/v1/states/" + id).status()).isEqualTo(403);

        String stranger = newKey(newTenant(), "admin");
        assertThat(api.get(stranger, "/api/v1/states/" + id).status()).isEqualTo(404);
        assertThat(api.get(stranger, "/api/v1/states/" + id + "/resources").status()).isEqualTo(404);
        assertThat(api.delete(stranger, "/api/v1/states/" + id).status()).isEqualTo(404);
        assertThat(api.get(stranger, "/api/v1/tenants/" + tenant + "/states").status()).isEqualTo(403);

        assertThat(api.delete(admin, "/api/v1/states/" + id).status()).isEqualTo(204);
        assertThat(api.get(admin, "/api/v1/states/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM terraform_resources WHERE state_id = ?::uuid").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndTheStoredStateKept() {
        String tenant = newTenant();
        String id = push(ADMIN_KEY, tenant, "big", sample(1, LINEAGE).json()).text("id");
        // The test server accepts 1 MB (stategraph.states.max-body); a larger state, sent without a length.
        TerraformStates large = TerraformStates.state(2, LINEAGE);
        for (int i = 0; i < 3_000; i++) {
            large.managed("aws_s3_bucket", "b" + i, "aws", Map.of("id", "bucket-" + i, "region", "eu-west-1",
                    "tags", Map.of("padding", "p".repeat(300))));
        }
        var refused = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/big", large.json());
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("id")).isEqualTo("TOO_LARGE");
        assertThat(refused.text("data")).contains("STATEGRAPH_STATES_MAX_BODY");
        assertThat(api.get(ADMIN_KEY, "/api/v1/states/" + id).body().path("serial").asLong()).isEqualTo(1);
        assertThat(resources(ADMIN_KEY, id)).hasSize(8);
    }
}
