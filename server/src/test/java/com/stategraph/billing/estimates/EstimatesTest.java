package com.stategraph.billing.estimates;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.EstimateFixture;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A state with every supported type, priced from the fixture book the server loaded at start
 * (with its decoys): every component's quantity, unit price and monthly cost exact, nothing
 * unsupported counted as free, and the totals the sum of their parts.
 */
class EstimatesTest extends SyncServerTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void everySupportedTypeIsPricedExactlyFromTheRightProducts() {
        awaitOperatorsPriceBook();
        io.micrometer.core.instrument.Counter ambiguous = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("stategraph.estimate.ambiguous.prices");
        double before = ambiguous.count();
        String tenant = newTenant();
        String state = push(tenant, "fixture", EstimateFixture.STATE.json());
        JsonNode costs = awaitCosts(state);
        // every component of the fixture found exactly one price in the whole book, decoys and all
        assertThat(ambiguous.count() - before).as("lookups that matched more than one price").isZero();

        Map<String, JsonNode> instances = new LinkedHashMap<>();
        costs.path("instance_costs").forEach(i -> instances.put(i.path("address").asString(), i));
        assertThat(EstimateFixture.EXPECTED).isNotEmpty();
        Set<String> typesInFixture = new TreeSet<>();
        EstimateFixture.EXPECTED.forEach(e -> typesInFixture.add(e.address().substring(0, e.address().indexOf('.'))));
        assertThat(typesInFixture).as("every priced type has its components in the fixture").containsAll(PricedTypes.priced());
        Map<String, BigDecimal> expectedByInstance = new HashMap<>();
        Map<String, Set<String>> namesByInstance = new HashMap<>();
        for (EstimateFixture.Expected e : EstimateFixture.EXPECTED) {
            JsonNode instance = instances.get(e.address());
            assertThat(instance).as(e.address()).isNotNull();
            JsonNode component = component(instance, e.component());
            assertThat(component).as(e.address() + " / " + e.component()).isNotNull();
            assertThat(new BigDecimal(component.path("monthly_quantity").asString())).as(e.address() + " / " + e.component() + " quantity")
                    .isEqualByComparingTo(e.quantity());
            assertThat(component.path("price").isNull()).as(e.address() + " / " + e.component() + " has a price").isFalse();
            assertThat(new BigDecimal(component.path("price").asString())).as(e.address() + " / " + e.component() + " price")
                    .isEqualByComparingTo(e.price());
            assertThat(new BigDecimal(component.path("monthly_cost").asString())).as(e.address() + " / " + e.component() + " cost")
                    .isEqualByComparingTo(e.monthlyCost());
            expectedByInstance.merge(e.address(), e.monthlyCost(), BigDecimal::add);
            namesByInstance.computeIfAbsent(e.address(), a -> new TreeSet<>()).add(e.component());
        }
        namesByInstance.forEach((address, names) -> {
            JsonNode instance = instances.get(address);
            Set<String> shown = new TreeSet<>();
            instance.path("components").forEach(c -> shown.add(c.path("name").asString()));
            assertThat(shown).as(address + ": no component more, none less").isEqualTo(names);
            assertThat(instance.path("supported").asBoolean()).isTrue();
            assertThat(instance.path("no_price").asBoolean()).as(address).isFalse();
            assertThat(new BigDecimal(instance.path("monthly_cost").asString())).as(address)
                    .isEqualByComparingTo(expectedByInstance.get(address));
            assertThat(new BigDecimal(instance.path("hourly_cost").asString())).as(address)
                    .isEqualByComparingTo(expectedByInstance.get(address).divide(BigDecimal.valueOf(730), 10, RoundingMode.HALF_EVEN));
        });

        for (String free : EstimateFixture.FREE) {
            assertThat(instances.get(free).path("supported").asBoolean()).as(free).isTrue();
            assertThat(instances.get(free).path("components").isEmpty()).as(free).isTrue();
            assertThat(instances.get(free).path("monthly_cost").asString()).isEqualTo("0");
        }
        for (String unsupported : EstimateFixture.UNSUPPORTED) {
            assertThat(instances.get(unsupported).path("supported").asBoolean()).as(unsupported).isFalse();
        }
        JsonNode unknown = instances.get(EstimateFixture.UNPRICED);
        assertThat(unknown.path("supported").asBoolean()).isTrue();
        assertThat(unknown.path("no_price").asBoolean()).as("an instance type the book does not have").isTrue();
        JsonNode compute = component(unknown, "Instance usage (Linux/UNIX, on-demand, x9.huge)");
        assertThat(compute.path("price").isNull()).isTrue();
        assertThat(compute.path("monthly_cost").isNull()).isTrue();
        BigDecimal unknownRoot = new BigDecimal(component(unknown, "root_block_device: Storage (general purpose SSD, gp2)")
                .path("monthly_cost").asString());
        assertThat(unknownRoot).isPositive();
        assertThat(instances).as("data sources are not resources").doesNotContainKey("data.aws_ami.ubuntu");

        BigDecimal total = expectedByInstance.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).add(unknownRoot);
        assertThat(new BigDecimal(costs.path("monthly_cost").asString())).isEqualByComparingTo(total);
        int resources = namesByInstance.size() + EstimateFixture.FREE.size() + EstimateFixture.UNSUPPORTED.size() + 1;
        assertThat(costs.path("resource_count").asInt()).isEqualTo(resources).isEqualTo(instances.size());
        assertThat(costs.path("supported_count").asInt()).isEqualTo(resources - EstimateFixture.UNSUPPORTED.size());
        int priced = resources - EstimateFixture.UNSUPPORTED.size() - 1;
        assertThat(costs.path("priced_count").asInt()).isEqualTo(priced);
        assertThat(new BigDecimal(costs.path("coverage_percent").asString())).isEqualByComparingTo(
                BigDecimal.valueOf(priced * 100L).divide(BigDecimal.valueOf(resources), 2, RoundingMode.HALF_EVEN));
        assertThat(costs.path("currency").asString()).isEqualTo("USD");

        JsonNode unsupported = api.get(ADMIN_KEY, "/api/v1/states/" + state + "/costs/unsupported").body().path("results");
        assertThat(unsupported.findValuesAsString("type")).containsExactlyInAnyOrderElementsOf(EstimateFixture.UNSUPPORTED.stream()
                .map(a -> a.substring(0, a.indexOf('.'))).toList());
    }

    @Test
    void theTenantViewSumsTheStatesByProviderTypeAndTag() {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        String web = push(tenant, "web", com.stategraph.billing.support.TerraformStates.state(1, "w")
                .managed("aws_instance", "a", "aws", Map.of("id", "i-a", "instance_type", "m5.large", "region", "us-east-1",
                        "tags_all", Map.of("team", "web")))
                .managed("aws_nat_gateway", "n", "aws", Map.of("id", "nat-1", "region", "us-east-1"))
                .json());
        String data = push(tenant, "data", com.stategraph.billing.support.TerraformStates.state(1, "d")
                .managed("aws_instance", "b", "aws", Map.of("id", "i-b", "instance_type", "t3.large", "region", "us-east-1",
                        "tags_all", Map.of("team", "data")))
                .json());
        JsonNode webCosts = awaitCosts(web);
        JsonNode dataCosts = awaitCosts(data);
        Map<String, BigDecimal> byAddress = new HashMap<>();
        for (JsonNode costs : List.of(webCosts, dataCosts)) {
            costs.path("instance_costs").forEach(i -> byAddress.put(i.path("address").asString(), new BigDecimal(i.path("monthly_cost").asString())));
        }
        assertThat(byAddress).hasSize(3);
        assertThat(byAddress.values()).allSatisfy(v -> assertThat(v).isPositive());

        JsonNode view = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs?tag_key=team").body();
        BigDecimal total = byAddress.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(view.path("monthly_cost").asString())).isEqualByComparingTo(total);
        assertThat(groups(view.path("by_provider"))).containsExactly(Map.entry("aws", total));
        assertThat(groups(view.path("by_type"))).containsOnly(
                Map.entry("aws_instance", byAddress.get("aws_instance.a").add(byAddress.get("aws_instance.b"))),
                Map.entry("aws_nat_gateway", byAddress.get("aws_nat_gateway.n")));
        assertThat(groups(view.path("by_tag"))).containsOnly(Map.entry("web", byAddress.get("aws_instance.a")),
                Map.entry("data", byAddress.get("aws_instance.b")), Map.entry("untagged", byAddress.get("aws_nat_gateway.n")));
        assertThat(view.path("states").findValuesAsString("name")).containsExactlyInAnyOrder("web", "data");

        // Today's point of the history carries both states; removing one ends its share.
        JsonNode history = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/history?group_by=state").body();
        JsonNode today = history.path("points").get(history.path("points").size() - 1);
        assertThat(new BigDecimal(today.path("monthly_cost").asString())).isEqualByComparingTo(total);
        assertThat(groups(today.path("groups")).keySet()).containsExactlyInAnyOrder("web", "data");
        assertThat(api.delete(ADMIN_KEY, "/api/v1/states/" + data).status()).isEqualTo(204);
        JsonNode after = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/history?group_by=state").body();
        JsonNode todayAfter = after.path("points").get(after.path("points").size() - 1);
        assertThat(groups(todayAfter.path("groups")).keySet()).containsExactly("web");
        assertThat(new BigDecimal(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs").body().path("monthly_cost").asString()))
                .isEqualByComparingTo(total.subtract(byAddress.get("aws_instance.b")));
    }

    @Test
    void usageGivenToUsagePricedResourcesIsPricedAndTheEstimateCalculatedAgain() {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        String state = push(tenant, "usage", com.stategraph.billing.support.TerraformStates.state(1, "u")
                .managed("aws_lambda_function", "fn", "aws", Map.of("id", "fn", "arn", "arn:aws:lambda:us-east-1:1:function:fn",
                        "memory_size", 512))
                .managed("aws_s3_bucket", "logs", "aws", Map.of("id", "logs", "region", "us-east-1"))
                .managed("aws_instance", "win", "aws", Map.of("id", "i-w", "instance_type", "m5.large", "region", "us-east-1",
                        "root_block_device", List.of(Map.of("volume_type", "gp2", "volume_size", 30))))
                .json());
        JsonNode before = awaitCosts(state);
        BigDecimal disk = new BigDecimal("30").multiply(new BigDecimal("0.10"));
        BigDecimal windows = new BigDecimal("0.188").multiply(BigDecimal.valueOf(730));
        assertThat(new BigDecimal(before.path("monthly_cost").asString()))
                .isEqualByComparingTo(new BigDecimal("0.096").multiply(BigDecimal.valueOf(730)).add(disk));

        BigDecimal requests = new BigDecimal("1000000");
        BigDecimal durationMs = new BigDecimal("250");
        BigDecimal storedGb = new BigDecimal("100");
        HttpApi.Response set = api.put(ADMIN_KEY, "/api/v1/states/" + state + "/usage", Map.of("resource_usage", Map.of(
                "aws_lambda_function.fn", Map.of("monthly_requests", requests, "request_duration_ms", durationMs),
                "aws_s3_bucket.logs", Map.of("standard_storage_gb", storedGb),
                "aws_instance.win", Map.of("operating_system", "windows"))));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        JsonNode after = awaitSnapshotAfter(state, before.path("snapshot_id").asString());

        Map<String, JsonNode> instances = new HashMap<>();
        after.path("instance_costs").forEach(i -> instances.put(i.path("address").asString(), i));
        BigDecimal gbSeconds = requests.multiply(durationMs).divide(BigDecimal.valueOf(1000)).multiply(new BigDecimal("0.5"));
        assertThat(new BigDecimal(component(instances.get("aws_lambda_function.fn"), "Requests").path("monthly_quantity").asString()))
                .isEqualByComparingTo(requests);
        assertThat(new BigDecimal(component(instances.get("aws_lambda_function.fn"), "Duration").path("monthly_cost").asString()))
                .isEqualByComparingTo(gbSeconds.multiply(new BigDecimal("0.0000166667")));
        assertThat(new BigDecimal(component(instances.get("aws_s3_bucket.logs"), "Standard storage").path("monthly_cost").asString()))
                .isEqualByComparingTo(storedGb.multiply(new BigDecimal("0.023")));
        JsonNode compute = component(instances.get("aws_instance.win"), "Instance usage (Windows, on-demand, m5.large)");
        assertThat(compute).as("told it runs Windows").isNotNull();
        assertThat(new BigDecimal(compute.path("monthly_cost").asString())).isEqualByComparingTo(windows);
        assertThat(new BigDecimal(after.path("monthly_cost").asString())).isEqualByComparingTo(requests.multiply(new BigDecimal("0.0000002"))
                .add(gbSeconds.multiply(new BigDecimal("0.0000166667"))).add(storedGb.multiply(new BigDecimal("0.023")))
                .add(windows).add(disk));
        assertThat(api.get(ADMIN_KEY, "/api/v1/states/" + state + "/usage").body().path("resource_usage")
                .path("aws_s3_bucket.logs").path("standard_storage_gb").asInt()).isEqualTo(100);

        HttpApi.Response unknown = api.put(ADMIN_KEY, "/api/v1/states/" + state + "/usage", Map.of("resource_usage",
                Map.of("aws_s3_bucket.logs", Map.of("storage_tb", 1))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("id")).isEqualTo("INVALID_USAGE");
        assertThat(unknown.text("data")).contains("resource_usage.aws_s3_bucket.logs.storage_tb");
        HttpApi.Response negative = api.put(ADMIN_KEY, "/api/v1/states/" + state + "/usage", Map.of("resource_usage",
                Map.of("aws_s3_bucket.logs", Map.of("standard_storage_gb", -1))));
        assertThat(negative.status()).isEqualTo(400);
        HttpApi.Response os = api.put(ADMIN_KEY, "/api/v1/states/" + state + "/usage", Map.of("resource_usage",
                Map.of("aws_instance.win", Map.of("operating_system", "beos"))));
        assertThat(os.status()).isEqualTo(400);
        assertThat(os.text("data")).contains("[linux, rhel, suse, windows]");

        // Infracost's usage file as it is: YAML, version 0.1, nested keys, defaults by type, an index as [*]
        BigDecimal yamlGb = new BigDecimal("250");
        BigDecimal defaultRequests = new BigDecimal("3000000");
        String yaml = String.join("\n", "version: 0.1", "resource_type_default_usage:", "  aws_lambda_function:",
                "    monthly_requests: " + defaultRequests, "    request_duration_ms: 100", "resource_usage:", "  aws_s3_bucket.logs:",
                "    standard:", "      storage_gb: " + yamlGb, "    standard_infrequent_access:", "      storage_gb: 101",
                "    one_zone_infrequent_access:", "      storage_gb: 102", "    glacier_flexible_retrieval:", "      storage_gb: 103",
                "    glacier_deep_archive:", "      storage_gb: 104", "    intelligent_tiering:", "      frequent_access_storage_gb: 105",
                "      infrequent_access_storage_gb: 106", "  aws_instance.win[*]:", "    operating_system: linux", "");
        String previous = awaitCosts(state).path("snapshot_id").asString();
        HttpApi.Response fromYaml = api.putBytes(ADMIN_KEY, "/api/v1/states/" + state + "/usage",
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/yaml");
        assertThat(fromYaml.status()).as(fromYaml.raw()).isEqualTo(200);
        assertThat(fromYaml.body().path("resource_usage").path("aws_s3_bucket.logs").path("standard_storage_gb").asInt())
                .isEqualTo(250);
        assertThat(fromYaml.body().path("resource_type_default_usage").path("aws_lambda_function").path("monthly_requests").asInt())
                .isEqualTo(3_000_000);
        JsonNode yamlCosts = awaitSnapshotAfter(state, previous);
        Map<String, JsonNode> byAddress = new HashMap<>();
        yamlCosts.path("instance_costs").forEach(i -> byAddress.put(i.path("address").asString(), i));
        assertThat(new BigDecimal(component(byAddress.get("aws_s3_bucket.logs"), "Standard storage").path("monthly_cost").asString()))
                .isEqualByComparingTo(yamlGb.multiply(new BigDecimal("0.023")));
        assertThat(new BigDecimal(component(byAddress.get("aws_lambda_function.fn"), "Requests").path("monthly_quantity").asString()))
                .as("the type's default").isEqualByComparingTo(defaultRequests);
        // each storage class the usage names is priced from its own product, decoys around it
        Map<String, Integer> classQuantities = Map.of("Standard - infrequent access storage", 101, "One zone - infrequent access storage",
                102, "Glacier flexible retrieval storage", 103, "Glacier deep archive storage", 104,
                "Intelligent tiering storage (frequent access)", 105, "Intelligent tiering storage (infrequent access)", 106);
        assertThat(com.stategraph.billing.support.AwsFixture.S3_CLASSES.keySet()).isNotEmpty().isEqualTo(classQuantities.keySet());
        com.stategraph.billing.support.AwsFixture.S3_CLASSES.forEach((name, product) -> {
            JsonNode storage = component(byAddress.get("aws_s3_bucket.logs"), name);
            assertThat(storage).as(name).isNotNull();
            assertThat(storage.path("price").isNull()).as(name + " has a price").isFalse();
            assertThat(new BigDecimal(storage.path("price").asString())).as(name).isEqualByComparingTo(product.usd());
            assertThat(new BigDecimal(storage.path("monthly_cost").asString())).as(name)
                    .isEqualByComparingTo(new BigDecimal(product.usd()).multiply(BigDecimal.valueOf(classQuantities.get(name))));
        });
        HttpApi.Response badYaml = api.putBytes(ADMIN_KEY, "/api/v1/states/" + state + "/usage",
                "resource_usage:\n  aws_s3_bucket.logs:\n    standard:\n      storage_tb: 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/yaml");
        assertThat(badYaml.status()).isEqualTo(400);
        assertThat(badYaml.text("data")).contains("resource_usage.aws_s3_bucket.logs.standard.storage_tb");
    }

    /** The state's estimate once a snapshot other than {@code previous} is the last. */
    private JsonNode awaitSnapshotAfter(String state, String previous) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode costs = awaitCosts(state);
        while (costs.path("snapshot_id").asString().equals(previous)) {
            assertThat(Instant.now()).as("a new snapshot within a minute").isBefore(deadline);
            sleep(200);
            costs = awaitCosts(state);
        }
        return costs;
    }

    private static Map<String, BigDecimal> groups(JsonNode list) {
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        list.forEach(g -> groups.put(g.path("key").asString(), new BigDecimal(g.path("monthly_cost").asString())));
        return groups;
    }

    private static JsonNode component(JsonNode instance, String name) {
        for (JsonNode c : instance.path("components")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void theSameResourceInTwoModulesIsEstimatedOncePerModule() {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        // JSON objects are unordered: here each resource's "module" comes after its "instances".
        String resource = "{\"mode\": \"managed\", \"type\": \"aws_db_instance\", \"name\": \"x\", \"provider\":"
                + " \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\", \"instances\": [{\"attributes\": {\"id\": \"%s\","
                + " \"arn\": \"arn:aws:rds:us-east-1:1:db:%s\", \"instance_class\": \"%s\", \"engine\": \"postgres\","
                + " \"storage_type\": \"gp3\", \"allocated_storage\": %d}}], \"module\": \"%s\"}";
        String state = push(tenant, "modules", "{\"version\": 4, \"serial\": 1, \"lineage\": \"two-modules\", \"resources\": ["
                + resource.formatted("db-payments", "payments", "db.t3.medium", 100, "module.payments") + ", "
                + resource.formatted("db-orders", "orders", "db.t3.medium", 40, "module.orders") + "]}");
        JsonNode costs = awaitCosts(state);

        Map<String, JsonNode> instances = new HashMap<>();
        costs.path("instance_costs").forEach(i -> instances.put(i.path("address").asString(), i));
        assertThat(instances.keySet()).containsExactlyInAnyOrder("module.payments.aws_db_instance.x", "module.orders.aws_db_instance.x");
        // each module's own storage size reaches its own estimate
        assertThat(storage(instances.get("module.payments.aws_db_instance.x"))).isEqualByComparingTo("100");
        assertThat(storage(instances.get("module.orders.aws_db_instance.x"))).isEqualByComparingTo("40");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode instance : instances.values()) {
            assertThat(new BigDecimal(instance.path("monthly_cost").asString())).as(instance.path("address").asString()).isPositive();
            sum = sum.add(new BigDecimal(instance.path("monthly_cost").asString()));
        }
        assertThat(new BigDecimal(costs.path("monthly_cost").asString())).isEqualByComparingTo(sum);
    }

    private static BigDecimal storage(JsonNode instance) {
        return new BigDecimal(component(instance, "Storage (gp3)").path("monthly_quantity").asString());
    }

    private String push(String tenant, String name, String json) {
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/" + name, json);
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        return pushed.text("id");
    }

    /** The state's estimate, once the background calculation wrote it. */
    private JsonNode awaitCosts(String state) {
        HttpApi.Response costs = awaitEstimate(state);
        assertThat(costs.status()).as(costs.raw()).isEqualTo(200);
        return costs.body();
    }
}
