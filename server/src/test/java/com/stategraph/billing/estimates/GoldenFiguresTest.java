package com.stategraph.billing.estimates;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.EstimateFixture;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Figures Infracost publishes in its golden tests (internal/providers/terraform/{aws,google,azure}/testdata/*.golden, commit
 * 95ba4f49a), for components of the types priced here, against the fixture's resources of the same kind priced from a book
 * holding the same list prices: each component's cost at the golden quantity, to the cent, is the golden figure. Facts from
 * their published output, not their code; the fixture's decoys make picking a wrong product show.
 */
class GoldenFiguresTest extends SyncServerTest {

    /** Our instance and component, the quantity Infracost's case has of it, and the monthly cost it shows. */
    private record Golden(String address, String component, String goldenQuantity, String goldenCost, String source) {
    }

    private static final List<Golden> CASES = List.of(
            new Golden("aws_nat_gateway.main", "NAT gateway", "730", "32.85", "aws/nat_gateway_test"),
            new Golden("aws_lb.app", "Application load balancer", "730", "16.43", "aws/lb_test"),
            new Golden("aws_eks_cluster.main", "EKS cluster", "730", "73.00", "aws/eks_cluster_test"),
            new Golden("aws_kms_key.main", "Customer master key", "1", "1.00", "aws/kms_key_test"),
            new Golden("aws_secretsmanager_secret.db", "Secret", "1", "0.40", "aws/secretsmanager_secret_test"),
            new Golden("aws_eks_node_group.workers", "Instance usage (Linux/UNIX, on-demand, t3.large)", "730", "60.74",
                    "aws/instance_test (t3.large)"),
            new Golden("google_container_cluster.regional", "Cluster management fee", "730", "73.00", "google/container_cluster_test"),
            new Golden("google_sql_database_instance.db", "IP address (if unused)", "730", "7.30", "google/sql_database_instance_test"),
            new Golden("google_sql_database_instance.db", "vCPUs (regional)", "70080", "5788.61",
                    "google/sql_database_instance_test (96 vCPUs)"),
            new Golden("google_sql_database_instance.db", "Memory (regional)", "262800", "3679.20",
                    "google/sql_database_instance_test (360 GB x 730 h)"),
            new Golden("azurerm_kubernetes_cluster.aks", "Uptime SLA (Standard tier)", "730", "73.00", "azure/kubernetes_cluster_test"),
            // AWS networking, data and operations types
            new Golden("aws_elb.classic", "Classic load balancer", "730", "18.25", "aws/elb_test"),
            new Golden("aws_elb.classic", "Data processed", "10000", "80.00", "aws/elb_test"),
            new Golden("aws_vpc_endpoint.ecr", "Endpoint (Interface)", "730", "7.30", "aws/vpc_endpoint_test"),
            new Golden("aws_vpc_endpoint.ecr", "Data processed (first 1PB)", "1000", "10.00", "aws/vpc_endpoint_test"),
            new Golden("aws_route53_zone.main", "Hosted zone", "1", "0.50", "aws/route53_zone_test"),
            new Golden("aws_dynamodb_table.events", "Write request units", "3000000", "1.88", "aws/dynamodb_table_test"),
            new Golden("aws_dynamodb_table.events", "Read request units", "8000000", "1.00", "aws/dynamodb_table_test"),
            new Golden("aws_dynamodb_table.events", "Data storage", "230", "57.50", "aws/dynamodb_table_test"),
            new Golden("aws_dynamodb_table.orders", "Point-in-time recovery (PITR) backup storage", "2300", "460.00",
                    "aws/dynamodb_table_test"),
            new Golden("aws_dynamodb_table.events", "On-demand backup storage", "460", "46.00", "aws/dynamodb_table_test"),
            new Golden("aws_dynamodb_table.events", "Table data restored", "230", "34.50", "aws/dynamodb_table_test"),
            new Golden("aws_dynamodb_table.events", "Streams read request units", "2000000", "0.40", "aws/dynamodb_table_test"),
            new Golden("aws_cloudwatch_dashboard.ops", "Dashboard", "1", "3.00", "aws/cloudwatch_dashboard_test"),
            new Golden("aws_cloudwatch_metric_alarm.fast", "High resolution", "1", "0.30", "aws/cloudwatch_metric_alarm_test"),
            new Golden("aws_cloudwatch_metric_alarm.cpu", "Standard resolution", "2", "0.20", "aws/cloudwatch_metric_alarm_test"),
            new Golden("aws_msk_cluster.events", "Storage", "4000", "400.00", "aws/msk_cluster_test"),
            new Golden("aws_docdb_cluster_instance.docs", "Storage", "1000", "100.00", "aws/docdb_cluster_instance_test"),
            new Golden("aws_docdb_cluster_instance.docs", "I/O requests", "10000000", "2.00", "aws/docdb_cluster_instance_test"),
            new Golden("aws_ec2_transit_gateway_vpc_attachment.spoke", "Transit gateway attachment", "730", "36.50",
                    "aws/ec2_transit_gateway_vpc_attachment_test"),
            new Golden("aws_ec2_transit_gateway_vpc_attachment.spoke", "Data processed", "100", "2.00", "aws/vpn_connection_test"),
            new Golden("aws_vpn_connection.office", "VPN connection", "730", "36.50", "aws/vpn_connection_test"),
            new Golden("aws_networkfirewall_firewall.edge", "Network Firewall Endpoint", "730", "288.35", "aws/networkfirewall_firewall_test"),
            new Golden("aws_networkfirewall_firewall.edge", "Data Processed", "100", "6.50", "aws/networkfirewall_firewall_test"),
            new Golden("aws_acmpca_certificate_authority.internal", "Private certificate authority", "1", "400.00",
                    "aws/acmpca_certificate_authority_test"),
            new Golden("aws_acmpca_certificate_authority.internal", "Certificates (first 1K)", "1000", "750.00",
                    "aws/acmpca_certificate_authority_test"),
            new Golden("aws_wafv2_web_acl.site", "Web ACL usage", "1", "5.00", "aws/wafv2_web_acl_test"),
            new Golden("aws_wafv2_web_acl.site", "Rules", "16", "16.00", "aws/wafv2_web_acl_test"),
            new Golden("aws_wafv2_web_acl.site", "Requests", "1000000", "0.60", "aws/wafv2_web_acl_test"),
            new Golden("aws_transfer_server.sftp", "SFTP protocol enabled", "730", "219.00", "aws/transfer_server_test"),
            new Golden("aws_transfer_server.sftp", "Data downloaded", "50", "2.00", "aws/transfer_server_test"),
            new Golden("aws_transfer_server.sftp", "Data uploaded", "10", "0.40", "aws/transfer_server_test"),
            new Golden("aws_opensearch_domain.logs", "Storage (gp3)", "400", "48.80", "aws/elasticsearch_domain_test (gp3)"),
            new Golden("aws_elasticsearch_domain.legacy", "Storage (gp2)", "400", "54.00", "aws/opensearch_domain_test (gp2)"),
            // Google
            new Golden("google_compute_address.spare", "IP address (unused)", "730", "7.30", "google/compute_address_test"),
            new Golden("google_compute_router_nat.nat", "Assigned VMs (first 32)", "23360", "32.70", "google/compute_router_nat_test"),
            new Golden("google_compute_router_nat.nat", "Data processed", "1000", "45.00", "google/compute_router_nat_test"),
            new Golden("google_redis_instance.sessions25", "Redis instance (standard, M3)", "18250", "839.50",
                    "google/redis_instance_test (25 GB x 730 h)"),
            new Golden("google_dns_record_set.www", "Queries", "100000", "0.04", "google/dns_record_set_test"),
            new Golden("google_kms_crypto_key.data", "Key versions", "25.92", "1.56", "google/kms_crypto_key_test"),
            new Golden("google_kms_crypto_key.data", "Operations", "10000", "0.03", "google/kms_crypto_key_test"),
            new Golden("google_pubsub_subscription.orders", "Message delivery data", "10", "400.00", "google/pubsub_subscription_test"),
            new Golden("google_pubsub_subscription.orders", "Retained acknowledged message storage", "20", "5.40",
                    "google/pubsub_subscription_test"),
            new Golden("google_pubsub_subscription.orders", "Snapshot message backlog storage", "30", "8.10",
                    "google/pubsub_subscription_test"),
            new Golden("google_logging_project_sink.audit", "Logging data", "100", "50.00", "google/logging_project_sink_test"),
            new Golden("google_bigquery_dataset.analytics", "Queries (on-demand)", "100.3", "626.88", "google/bigquery_dataset_test"),
            new Golden("google_compute_forwarding_rule.lb", "Forwarding rules", "730", "7.30", "google/compute_forwarding_rule_test"),
            new Golden("google_compute_forwarding_rule.lb", "Ingress data", "100", "0.80", "google/compute_forwarding_rule_test"),
            new Golden("google_compute_vpn_tunnel.office", "VPN tunnel", "730", "36.50", "google/compute_vpn_tunnel_test"),
            new Golden("google_artifact_registry_repository.images", "Storage", "150", "15.00", "google/artifact_registry_repository_test"),
            new Golden("google_compute_snapshot.nightly", "Storage", "1000", "26.00", "google/compute_snapshot_test"),
            // Azure
            new Golden("azurerm_nat_gateway.out", "NAT gateway", "730", "32.85", "azure/nat_gateway_test"),
            new Golden("azurerm_nat_gateway.out", "Data processed", "10", "0.45", "azure/nat_gateway_test"),
            new Golden("azurerm_firewall.edge", "Data processed", "10000", "160.00", "azure/firewall_test"),
            new Golden("azurerm_bastion_host.jump", "Bastion host (Basic)", "730", "138.70", "azure/bastion_host_test"),
            new Golden("azurerm_private_endpoint.db", "Private endpoint", "730", "7.30", "azure/private_endpoint_test"),
            new Golden("azurerm_private_endpoint.db", "Inbound data processed (first 1PB)", "1000000", "10000.00",
                    "azure/private_endpoint_test"),
            new Golden("azurerm_dns_zone.public", "Hosted zone", "1", "0.50", "azure/dns_zone_test"),
            new Golden("azurerm_private_dns_zone.internal", "Hosted zone", "1", "0.50", "azure/private_dns_zone_test"),
            new Golden("azurerm_lb.internal", "Data processed", "100", "0.50", "azure/lb_test"),
            new Golden("azurerm_redis_cache.big", "Cache usage (Premium_P1)", "1460", "404.42", "azure/redis_cache_test (2 nodes)"),
            new Golden("azurerm_cosmosdb_sql_database.orders", "Provisioned throughput (provisioned, eastus)", "32850", "262.80",
                    "azure/cosmosdb_sql_database_test (45 x 100 RU/s)"),
            new Golden("azurerm_cosmosdb_sql_database.orders", "Transactional storage (eastus)", "1000", "250.00",
                    "azure/cosmosdb_sql_database_test"),
            new Golden("azurerm_signalr_service.hub", "Service usage (Standard)", "152.0833333333", "244.85",
                    "azure/signalr_service_test (5 units)"),
            new Golden("azurerm_api_management.prod", "API management (premium)", "2920", "11180.68", "azure/api_management_test (4 units)"),
            new Golden("azurerm_servicebus_namespace.events", "Base charge", "730", "9.81", "azure/servicebus_namespace_test"),
            new Golden("azurerm_snapshot.nightly", "Storage", "300", "15.00", "azure/snapshot_test"),
            new Golden("azurerm_application_insights.web", "Data ingested", "1000", "2300.00", "azure/application_insights_test"),
            new Golden("azurerm_application_insights.web", "Data retention (180 days)", "1000", "100.00",
                    "azure/application_insights_test (1,000 GB kept one month past 90 days)"));

    @Test
    void theFixturesPricesGiveInfracostsPublishedFigures() {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/golden",
                EstimateFixture.STATE.json());
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        HttpApi.Response costs = awaitEstimate(pushed.text("id"));
        assertThat(costs.status()).as(costs.raw()).isEqualTo(200);

        assertThat(CASES).isNotEmpty();
        for (Golden g : CASES) {
            JsonNode component = null;
            for (JsonNode instance : costs.body().path("instance_costs")) {
                if (instance.path("address").asString().equals(g.address())) {
                    for (JsonNode c : instance.path("components")) {
                        if (c.path("name").asString().equals(g.component())) {
                            component = c;
                        }
                    }
                }
            }
            assertThat(component).as(g.address() + " / " + g.component()).isNotNull();
            assertThat(component.path("price").isNull()).as(g.toString()).isFalse();
            BigDecimal price = new BigDecimal(component.path("price").asString());
            // the monthly quantity is per month; a golden hourly quantity is hours a month: the same unit here
            BigDecimal atGoldenQuantity = price.multiply(new BigDecimal(g.goldenQuantity())).setScale(2, RoundingMode.HALF_UP);
            assertThat(atGoldenQuantity).as(g.address() + " / " + g.component() + " against " + g.source())
                    .isEqualByComparingTo(g.goldenCost());
            // and our own quantity is priced the same way
            BigDecimal ours = new BigDecimal(component.path("monthly_cost").asString());
            assertThat(ours).isEqualByComparingTo(price.multiply(new BigDecimal(component.path("monthly_quantity").asString())));
        }
    }
}
