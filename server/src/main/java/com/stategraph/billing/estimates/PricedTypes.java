package com.stategraph.billing.estimates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which resource types are estimated: priced ones (a {@link Pricer} each), free ones (supported,
 * nothing to pay), and every other type, which is unsupported and never counted as free.
 */
public final class PricedTypes {
    private static final Map<String, Pricer> PRICERS = pricers();

    /** Types that cost nothing themselves: identity, network plumbing, configuration, and Terraform's own helpers. */
    private static final Set<String> FREE = Set.of(
            "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
            "aws_vpc_security_group_egress_rule", "aws_vpc", "aws_subnet", "aws_route_table", "aws_route",
            "aws_route_table_association", "aws_internet_gateway", "aws_egress_only_internet_gateway", "aws_network_acl",
            "aws_network_acl_rule", "aws_default_vpc", "aws_default_subnet", "aws_default_security_group",
            "aws_default_route_table", "aws_default_network_acl", "aws_key_pair", "aws_launch_template", "aws_placement_group",
            "aws_lb_listener", "aws_lb_listener_rule", "aws_lb_target_group", "aws_lb_target_group_attachment",
            "aws_alb_listener", "aws_alb_target_group", "aws_eip_association", "aws_db_subnet_group", "aws_db_parameter_group",
            "aws_db_option_group", "aws_elasticache_subnet_group", "aws_elasticache_parameter_group", "aws_eks_addon",
            "aws_eks_access_entry", "aws_eks_access_policy_association", "aws_vpc_dhcp_options",
            "aws_vpc_dhcp_options_association", "aws_network_interface", "aws_volume_attachment",
            "aws_s3_bucket_policy", "aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block", "aws_s3_bucket_acl",
            "aws_s3_bucket_ownership_controls", "aws_s3_bucket_server_side_encryption_configuration",
            "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_cors_configuration", "aws_s3_bucket_notification",
            "aws_lambda_permission", "aws_sqs_queue_policy", "aws_kms_alias", "aws_launch_configuration",
            "aws_ecs_task_definition", "aws_ecs_cluster", "aws_autoscaling_policy", "aws_appautoscaling_target",
            "aws_appautoscaling_policy", "aws_route53_zone_association", "aws_vpc_endpoint_route_table_association",
            "aws_ec2_transit_gateway_route_table", "aws_ec2_transit_gateway_route", "aws_customer_gateway",
            "aws_api_gateway_resource", "aws_api_gateway_method", "aws_api_gateway_integration", "aws_api_gateway_deployment",
            "aws_api_gateway_stage", "aws_apigatewayv2_stage", "aws_apigatewayv2_route", "aws_apigatewayv2_integration",
            "aws_cloudwatch_log_stream", "aws_cloudwatch_event_rule", "aws_cloudwatch_event_target",
            "aws_networkfirewall_firewall_policy", "aws_networkfirewall_rule_group", "aws_wafv2_web_acl_association",
            "aws_wafv2_ip_set", "aws_acm_certificate", "aws_acm_certificate_validation",
            "aws_ec2_client_vpn_authorization_rule", "aws_config_configuration_recorder", "aws_config_delivery_channel",
            "aws_transfer_user", "aws_transfer_ssh_key", "aws_dms_endpoint", "aws_dms_replication_subnet_group",
            "aws_dms_replication_task", "aws_neptune_subnet_group", "aws_neptune_cluster_parameter_group",
            "aws_rds_cluster_parameter_group", "aws_cloudwatch_event_connection",
            "google_compute_network", "google_compute_subnetwork", "google_compute_firewall", "google_compute_route",
            "google_project_service", "google_service_account", "google_service_account_key",
            "google_storage_bucket_object", "google_compute_instance_template", "google_compute_router",
            "google_compute_health_check", "google_compute_region_health_check", "google_compute_backend_service",
            "google_compute_region_backend_service", "google_compute_target_pool", "google_compute_ha_vpn_gateway",
            "google_compute_vpn_gateway", "google_compute_external_vpn_gateway", "google_bigquery_dataset_iam_member",
            "google_artifact_registry_repository_iam_member", "google_redis_instance_iam_member", "google_kms_key_ring",
            "google_kms_crypto_key_iam_member", "google_kms_key_ring_iam_member", "google_pubsub_subscription_iam_member",
            "google_pubsub_topic_iam_member",
            "azurerm_resource_group", "azurerm_virtual_network", "azurerm_subnet", "azurerm_network_security_group",
            "azurerm_network_security_rule", "azurerm_network_interface", "azurerm_subnet_network_security_group_association",
            "azurerm_network_interface_security_group_association", "azurerm_role_assignment", "azurerm_role_definition",
            "azurerm_user_assigned_identity", "azurerm_route_table", "azurerm_route", "azurerm_subnet_route_table_association",
            "azurerm_virtual_network_peering", "azurerm_storage_container",
            "azurerm_nat_gateway_public_ip_association", "azurerm_subnet_nat_gateway_association", "azurerm_dns_a_record",
            "azurerm_dns_cname_record", "azurerm_private_dns_a_record", "azurerm_private_dns_zone_virtual_network_link",
            "azurerm_lb_backend_address_pool", "azurerm_lb_probe", "azurerm_postgresql_flexible_server_database",
            "azurerm_postgresql_flexible_server_configuration", "azurerm_postgresql_flexible_server_firewall_rule",
            "azurerm_mysql_flexible_database", "azurerm_mysql_flexible_server_configuration",
            "azurerm_mysql_flexible_server_firewall_rule", "azurerm_firewall_policy", "azurerm_firewall_policy_rule_collection_group",
            "azurerm_servicebus_queue", "azurerm_servicebus_topic", "azurerm_servicebus_subscription", "azurerm_api_management_api",
            "azurerm_local_network_gateway", "azurerm_virtual_network_gateway_connection", "azurerm_mssql_server",
            "azurerm_mssql_firewall_rule", "azurerm_mssql_virtual_network_rule", "azurerm_mssql_server_security_alert_policy",
            "azurerm_cosmosdb_account");

    /** Whole families that cost nothing: IAM, Google IAM bindings, and providers that create nothing in a cloud. */
    private static final List<String> FREE_PREFIXES = List.of("aws_iam_", "google_project_iam_", "google_storage_bucket_iam_",
            "google_service_account_iam_", "random_", "null_", "terraform_", "tls_", "time_", "local_", "archive_");

    private PricedTypes() {
    }

    private static Map<String, Pricer> pricers() {
        Map<String, Pricer> all = new HashMap<>();
        AwsPricers.register(all);
        AwsServicePricers.register(all);
        AwsStoragePricers.register(all);
        CloudFrontPricer.register(all);
        AwsNetworkPricers.register(all);
        AwsDataPricers.register(all);
        AwsOperationsPricers.register(all);
        AwsSecurityPricers.register(all);
        AwsPlatformPricers.register(all);
        GooglePricers.register(all);
        GoogleNetworkPricers.register(all);
        GoogleServicePricers.register(all);
        GoogleOperationsPricers.register(all);
        AzurePricers.register(all);
        AzureNetworkPricers.register(all);
        AzureDataPricers.register(all);
        AzureAppPricers.register(all);
        AzureImagePricers.register(all);
        AzureMonitoringPricers.register(all);
        AzureSqlPricers.register(all);
        AzureCosmosPricer.register(all);
        return Map.copyOf(all);
    }

    /** What each priced type's pricing reads of its attributes; empty for every other type. */
    private static final Map<String, Set<String>> READS = reads();

    private static Map<String, Set<String>> reads() {
        Map<String, Set<String>> all = new HashMap<>();
        all.putAll(AwsPricers.READS);
        all.putAll(AwsServicePricers.READS);
        all.putAll(AwsStoragePricers.READS);
        all.putAll(CloudFrontPricer.READS);
        all.putAll(AwsNetworkPricers.READS);
        all.putAll(AwsDataPricers.READS);
        all.putAll(AwsOperationsPricers.READS);
        all.putAll(AwsSecurityPricers.READS);
        all.putAll(AwsPlatformPricers.READS);
        all.putAll(GooglePricers.READS);
        all.putAll(GoogleNetworkPricers.READS);
        all.putAll(GoogleServicePricers.READS);
        all.putAll(GoogleOperationsPricers.READS);
        all.putAll(AzurePricers.READS);
        all.putAll(AzureNetworkPricers.READS);
        all.putAll(AzureDataPricers.READS);
        all.putAll(AzureAppPricers.READS);
        all.putAll(AzureImagePricers.READS);
        all.putAll(AzureMonitoringPricers.READS);
        all.putAll(AzureSqlPricers.READS);
        all.putAll(AzureCosmosPricer.READS);
        return Map.copyOf(all);
    }

    public static Set<String> attributesRead(String type) {
        return READS.getOrDefault(type, Set.of());
    }

    /** Priced types whose attributes read are not listed: a test keeps this empty. */
    static Set<String> unlisted() {
        Set<String> missing = new TreeSet<>(PRICERS.keySet());
        missing.removeAll(READS.keySet());
        return missing;
    }

    public static Optional<Pricer> pricer(String type) {
        return Optional.ofNullable(PRICERS.get(type));
    }

    public static boolean free(String type) {
        return FREE.contains(type) || FREE_PREFIXES.stream().anyMatch(type::startsWith);
    }

    public static Set<String> priced() {
        return new TreeSet<>(PRICERS.keySet());
    }

    /** The free types named one by one (families are {@link #freePrefixes()}). */
    public static Set<String> free() {
        return new TreeSet<>(FREE);
    }

    public static List<String> freePrefixes() {
        return FREE_PREFIXES;
    }
}
