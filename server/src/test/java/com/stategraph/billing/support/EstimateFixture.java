package com.stategraph.billing.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Terraform state holding every supported resource type, and a price book that prices it next
 * to the decoys a careless filter would pick: Windows and licensed images, dedicated tenancy,
 * capacity reservations, reserved and spot prices, other tiers, other volume types and other
 * regions. Each decoy's price differs from the right one, so picking it changes the answer.
 * The expected components are written from the same figures the book and state are built from.
 */
public final class EstimateFixture {
    /** One component of one instance: what the estimate must show. */
    public record Expected(String address, String component, BigDecimal quantity, BigDecimal price) {
        public BigDecimal monthlyCost() {
            return quantity.multiply(price);
        }
    }

    private static final BigDecimal HOURS = BigDecimal.valueOf(730);

    public static final PriceBooks BOOK = PriceBooks.book();
    public static final List<Expected> EXPECTED = new ArrayList<>();
    public static final TerraformStates STATE = TerraformStates.state(7, "fixture-lineage");
    /** Instances whose every component is priced; the others below are free, unsupported or unpriced. */
    public static final List<String> FREE = List.of("aws_security_group.web", "aws_iam_role.app", "aws_vpc.main",
            "azurerm_resource_group.rg", "random_id.suffix",
            // a member of a replication group: priced by its group
            "aws_elasticache_cluster.member",
            // what node groups, autoscaling groups and services launch from
            "aws_launch_template.workers", "aws_launch_configuration.web", "aws_ecs_task_definition.api",
            // an alias record, a standard SSM parameter
            "aws_route53_record.alias", "aws_ssm_parameter.small",
            // an internal address; what Google instance groups launch from
            "google_compute_address.internal", "google_compute_instance_template.web",
            // a Basic load balancer; a SQL server (its databases are priced)
            "azurerm_lb.basic", "azurerm_mssql_server.main",
            // a Cosmos DB account (its databases and containers are priced)
            "azurerm_cosmosdb_account.shop");
    public static final List<String> UNSUPPORTED = List.of("aws_cognito_user_pool.users", "aws_appsync_graphql_api.graph");
    public static final String UNPRICED = "aws_instance.unknown";

    static {
        AwsFixture.add();
        AwsNetworkFixture.add();
        AwsDataFixture.add();
        AwsOperationsFixture.add();
        AwsPlatformFixture.add();
        GoogleFixture.add();
        GoogleServicesFixture.add();
        AzureFixture.add();
        AzureServicesFixture.add();
        AzureDatabaseFixture.add();
        STATE.resource("data", null, "aws_ami", "ubuntu", "aws", TerraformStates.Instance.of(null, Map.of("id", "ami-123")));
    }

    private EstimateFixture() {
    }

    static void expect(String address, String component, String quantity, String price) {
        EXPECTED.add(new Expected(address, component, new BigDecimal(quantity), new BigDecimal(price)));
    }

    static void expectHourly(String address, String component, String perHour, String price) {
        EXPECTED.add(new Expected(address, component, new BigDecimal(perHour).multiply(HOURS), new BigDecimal(price)));
    }

    static Map<String, String> with(Map<String, String> attributes, String key, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(attributes);
        all.put(key, value);
        return all;
    }
}
