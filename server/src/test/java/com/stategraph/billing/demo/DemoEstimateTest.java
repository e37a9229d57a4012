package com.stategraph.billing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.StategraphServer;
import com.stategraph.billing.support.HttpApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo on a server with no price book of its own, as `bin/stategraph demo` runs on a fresh
 * machine: its price book prices every resource of its state the estimator supports, and the
 * resources of its state are the ones its sample export bills.
 */
class DemoEstimateTest {
    private static final String KEY = "sgk_demo-estimate-test-0123456789abcdef";

    @TempDir
    Path dataDir;

    @Test
    void theDemoStateIsPricedFromTheDemoBookAndItsResourcesAreInTheExport() throws Exception {
        try (ConfigurableApplicationContext server = StategraphServer.start(0, dataDir, "--stategraph.allow-file-sources=true",
                "--stategraph.file-source-root=" + dataDir.resolve(Demo.EXPORT_DIR), "--stategraph.file-source-per-tenant=false",
                "--stategraph.bootstrap-api-key=" + KEY)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            new Demo(server, new PrintStream(buffer, true, StandardCharsets.UTF_8)).prepare();
            String printed = buffer.toString(StandardCharsets.UTF_8);
            HttpApi api = new HttpApi(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
            JdbcClient jdbc = server.getBean(JdbcClient.class);

            assertThat(api.get(KEY, "/api/v1/pricing").body().path("by_vendor").path("aws").asLong()).isPositive();
            String tenant = jdbc.sql("SELECT id::text FROM tenants WHERE name = 'demo'").query(String.class).single();
            JsonNode states = api.get(KEY, "/api/v1/tenants/" + tenant + "/states").body().path("results");
            assertThat(states.size()).isEqualTo(1);
            String state = states.get(0).path("id").asString();
            JsonNode costs = api.get(KEY, "/api/v1/states/" + state + "/costs").body();
            List<JsonNode> instances = new java.util.ArrayList<>();
            costs.path("instance_costs").forEach(instances::add);
            assertThat(instances).hasSize(costs.path("resource_count").asInt()).isNotEmpty();
            for (JsonNode i : instances) {
                assertThat(i.path("supported").asBoolean()).as(i.path("address").asString()).isTrue();
                assertThat(i.path("no_price").asBoolean()).as(i.path("address").asString() + " has every price").isFalse();
            }
            BigDecimal monthly = new BigDecimal(costs.path("monthly_cost").asString());
            assertThat(monthly).isPositive();
            assertThat(printed).contains("Estimate: state " + DemoState.NAME)
                    .contains(com.stategraph.billing.console.Money.format(monthly.toPlainString(), "USD") + " a month");

            // Every identifier of a billed resource of the state is a ResourceId of the export's rows.
            List<Map<String, Object>> unbilled = jdbc.sql("SELECT r.address FROM terraform_resources r WHERE r.tenant_id = ?::uuid"
                            + " AND r.type NOT IN ('aws_security_group', 'aws_iam_role') AND NOT EXISTS (SELECT 1 FROM billing_rows b"
                            + " WHERE b.tenant_id = r.tenant_id AND b.resource_id = ANY (r.cloud_ids))")
                    .param(tenant).query().listOfRows();
            assertThat(jdbc.sql("SELECT count(*) FROM terraform_resources WHERE tenant_id = ?::uuid").param(tenant).query(Long.class)
                    .single()).isEqualTo(instances.size());
            assertThat(unbilled).as("state resources no export row names").isEmpty();
        }
    }
}
