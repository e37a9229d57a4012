package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** stategraph cost estimate and cost estimates against a server with the fixture price book. */
class CliEstimateTest extends SyncServerTest {
    @Test
    void aStatesEstimateAndTheTenantsTotals() {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);
        var pushed = cli.stdin(TerraformStates.state(1, "cli")
                .managed("aws_instance", "web", "aws", Map.of("id", "i-1", "instance_type", "m5.large", "region", "us-east-1",
                        "tags_all", Map.of("team", "web")))
                .managed("aws_appsync_graphql_api", "cdn", "aws", Map.of("id", "E1"))
                .json()).run("state", "push", "--name", "web", "-");
        assertThat(pushed.exit()).as(pushed.err()).isZero();
        String id = HttpApi.JSON.readTree(cli.run("state", "list", "--format", "json").out()).get(0).path("id").asString();

        var json = cli.run("cost", "estimate", "--state", id, "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode costs = HttpApi.JSON.readTree(json.out());
        JsonNode web = costs.path("instance_costs").get(1);
        assertThat(web.path("address").asString()).isEqualTo("aws_instance.web");
        assertThat(web.path("components").size()).isEqualTo(2);
        BigDecimal monthly = new BigDecimal(costs.path("monthly_cost").asString());
        assertThat(monthly).isEqualByComparingTo(new BigDecimal(web.path("monthly_cost").asString())).isPositive();

        var table = cli.run("cost", "estimate", "--state", id);
        assertThat(table.exit()).as(table.err()).isZero();
        String subtotal = "USD " + monthly.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        assertThat(table.out()).contains("Monthly estimate: " + subtotal)
                .contains("Not estimated (type not supported):").contains("aws_appsync_graphql_api.cdn");
        // each resource once with its subtotal, its components indented under it
        List<String> lines = table.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("aws_instance.web ").endsWith(subtotal))
                .anySatisfy(l -> assertThat(l).startsWith("aws_appsync_graphql_api.cdn ").endsWith("not estimated"))
                .anySatisfy(l -> assertThat(l).startsWith("  Instance usage (Linux/UNIX, on-demand, m5.large) ")
                        .contains("730 hours").contains("per hour"))
                .anySatisfy(l -> assertThat(l).startsWith("  root_block_device: Storage (general purpose SSD, gp2) "));
        assertThat(lines.stream().filter(l -> l.startsWith("aws_instance.web"))).hasSize(1);
        // amounts right-aligned: every subtotal and cost ends in the same column
        int end = lines.get(0).length();
        assertThat(lines.stream().filter(l -> !l.startsWith("Monthly") && (l.contains("USD 70") || l.endsWith("not estimated"))).toList())
                .isNotEmpty().allSatisfy(l -> assertThat(l).hasSize(end));
        var csv = cli.run("cost", "estimate", "--state", id, "--format", "csv");
        assertThat(csv.out().lines().toList()).contains("ADDRESS,COMPONENT,MONTHLY_QUANTITY,UNIT,PRICE_USD,MONTHLY_COST_USD")
                .anySatisfy(l -> assertThat(l).startsWith("aws_instance.web,\"Instance usage (Linux/UNIX, on-demand, m5.large)\",730,hours,"));

        var usage = cli.stdin("{\"resource_usage\": {\"aws_s3_bucket.none\": {\"standard_storage_gb\": 5}}}")
                .run("state", "usage", id, "-");
        assertThat(usage.exit()).as(usage.err()).isZero();
        assertThat(usage.out()).contains("Usage set for 1 resources and 0 resource types");
        // Infracost's infracost-usage.yml as it is
        var yaml = cli.stdin("version: 0.1\nresource_usage:\n  aws_s3_bucket.none:\n    standard:\n      storage_gb: 5\n")
                .run("state", "usage", id, "-");
        assertThat(yaml.exit()).as(yaml.err()).isZero();
        assertThat(yaml.out()).contains("Usage set for 1 resources and 0 resource types");
        var brokenYaml = cli.stdin("resource_usage:\n  aws_s3_bucket.none: [unclosed\n").run("state", "usage", id, "-");
        assertThat(brokenYaml.exit()).isEqualTo(1);
        assertThat(brokenYaml.err()).contains("not valid YAML (line ").doesNotContain("Exception").doesNotContain("tools.jackson");
        var badUsage = cli.stdin("{\"resource_usage\": {\"aws_s3_bucket.none\": {\"storage_tb\": 5}}}").run("state", "usage", id, "-");
        assertThat(badUsage.exit()).isEqualTo(1);
        assertThat(badUsage.err()).contains("storage_tb");

        var tenantView = cli.run("cost", "estimates", "--tag-key", "team", "--format", "csv");
        assertThat(tenantView.exit()).as(tenantView.err()).isZero();
        assertThat(tenantView.out()).contains("state,web,2," + monthly.stripTrailingZeros().toPlainString())
                .contains("tag team,web,1," + monthly.stripTrailingZeros().toPlainString())
                .contains("tag team,untagged,1,0");
    }
}
