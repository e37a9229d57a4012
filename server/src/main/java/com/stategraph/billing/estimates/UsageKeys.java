package com.stategraph.billing.estimates;

import java.util.LinkedHashMap;
import java.util.Map;

/** The usage each usage-priced type can be given, by key (Infracost's usage-file keys where it has one), and what each means. */
public final class UsageKeys {
    private static final Map<String, Map<String, String>> KEYS = keys();

    private UsageKeys() {
    }

    private static Map<String, Map<String, String>> keys() {
        Map<String, Map<String, String>> k = new LinkedHashMap<>();
        k.put("aws_instance", Map.of("operating_system", "linux (the default), windows, rhel or suse: a state does not say what an AMI"
                + " holds"));
        Map<String, String> s3 = new LinkedHashMap<>(Map.of("standard_storage_gb", "GB stored in S3 Standard",
                "monthly_tier_1_requests", "PUT, COPY, POST and LIST requests a month",
                "monthly_tier_2_requests", "GET, SELECT and other requests a month"));
        s3.putAll(AwsStoragePricers.classKeys());
        k.put("aws_s3_bucket", Map.copyOf(s3));
        k.put("aws_cloudfront_distribution", CloudFrontPricer.usageKeys());
        k.put("aws_lambda_function", Map.of("monthly_requests", "invocations a month",
                "request_duration_ms", "average duration of an invocation, in milliseconds (with memory_size: GB-seconds)"));
        k.put("aws_sqs_queue", Map.of("monthly_requests", "API requests a month"));
        k.put("aws_secretsmanager_secret", Map.of("monthly_requests", "API requests a month"));
        k.put("aws_cloudwatch_log_group", Map.of("monthly_data_ingested_gb", "GB of logs ingested a month",
                "storage_gb", "GB of logs stored"));
        k.put("aws_ecr_repository", Map.of("storage_gb", "GB of images stored"));
        k.put("aws_sns_topic", Map.of("monthly_requests", "API requests a month (the first million are free)"));
        k.put("aws_efs_file_system", Map.of("storage_gb", "GB stored in the Standard class"));
        k.put("aws_nat_gateway", Map.of("monthly_data_processed_gb", "GB processed a month"));
        k.put("aws_lb", Map.of("capacity_units", "load balancer capacity units used on average each hour"));
        k.put("aws_alb", Map.of("capacity_units", "load balancer capacity units used on average each hour"));
        k.put("aws_ebs_volume", Map.of("monthly_standard_io_requests", "I/O requests a month (magnetic volumes)"));
        k.put("aws_elb", Map.of("monthly_data_processed_gb", "GB processed a month"));
        k.put("aws_vpc_endpoint", Map.of("monthly_data_processed_gb", "GB processed a month"));
        k.put("aws_route53_record", Map.of("monthly_standard_queries", "standard queries a month",
                "monthly_latency_based_queries", "latency-based routing queries a month",
                "monthly_geo_queries", "geolocation routing queries a month"));
        k.put("aws_ec2_transit_gateway_vpc_attachment", Map.of("monthly_data_processed_gb", "GB processed a month"));
        k.put("aws_api_gateway_rest_api", Map.of("monthly_requests", "API requests a month"));
        k.put("aws_apigatewayv2_api", Map.of("monthly_requests", "HTTP API requests a month",
                "monthly_messages", "WebSocket messages a month", "monthly_connection_mins", "WebSocket connection minutes a month"));
        k.put("aws_dynamodb_table", Map.of("monthly_write_request_units", "write request units a month (on-demand tables)",
                "monthly_read_request_units", "read request units a month (on-demand tables)", "storage_gb", "GB stored",
                "pitr_backup_storage_gb", "GB of point-in-time recovery backups", "on_demand_backup_storage_gb", "GB of on-demand backups",
                "monthly_data_restored_gb", "GB restored a month", "monthly_streams_read_request_units", "stream read request units a month"));
        k.put("aws_kinesis_stream", Map.of("monthly_provisioned_put_units", "PUT payload units a month (provisioned streams)",
                "monthly_on_demand_data_in_gb", "GB written a month (on-demand streams)",
                "monthly_on_demand_data_out_gb", "GB read a month (on-demand streams)"));
        k.put("aws_redshift_cluster", Map.of("managed_storage_gb", "GB of RA3 managed storage"));
        k.put("aws_docdb_cluster_instance", Map.of("data_storage_gb", "GB stored", "monthly_io_requests", "I/O requests a month"));
        k.put("aws_mq_broker", Map.of("storage_size_gb", "GB stored"));
        k.put("aws_sfn_state_machine", Map.of("monthly_transitions", "state transitions a month (standard workflows)",
                "monthly_requests", "requests a month (express workflows)"));
        k.put("aws_ssm_parameter", Map.of("monthly_api_interactions", "API interactions a month (higher throughput)"));
        k.put("aws_networkfirewall_firewall", Map.of("monthly_data_processed_gb", "GB processed a month"));
        k.put("aws_wafv2_web_acl", Map.of("monthly_requests", "requests inspected a month"));
        k.put("aws_acmpca_certificate_authority", Map.of("monthly_requests", "private certificates issued a month"));
        k.put("aws_cloudtrail", Map.of("monthly_additional_management_events", "management events a month in copies after the first",
                "monthly_data_events", "data events a month", "monthly_insight_events", "insights events a month"));
        k.put("aws_config_config_rule", Map.of("monthly_rule_evaluations", "rule evaluations a month"));
        k.put("aws_transfer_server", Map.of("monthly_data_uploaded_gb", "GB uploaded a month",
                "monthly_data_downloaded_gb", "GB downloaded a month"));
        k.put("aws_kinesis_firehose_delivery_stream", Map.of("monthly_data_ingested_gb", "GB ingested a month"));
        k.put("aws_cloudwatch_event_bus", Map.of("monthly_custom_events", "custom events published a month"));
        k.put("aws_rds_cluster", Map.of("storage_gb", "GB stored", "write_requests_per_sec", "average write I/O requests a second",
                "read_requests_per_sec", "average read I/O requests a second",
                "capacity_units_per_hr", "average Aurora capacity units (serverless v1)"));
        k.put("aws_mwaa_environment", Map.of("meta_database_gb", "GB in the meta database"));
        k.put("google_storage_bucket", Map.of("storage_gb", "GiB stored"));
        k.put("google_cloudfunctions_function", Map.of("monthly_function_invocations", "invocations a month"));
        k.put("google_pubsub_topic", Map.of("monthly_message_data_tb", "TiB of messages delivered a month"));
        k.put("google_compute_router_nat", Map.of("assigned_vms", "VMs using the gateway (up to 32 are charged per VM)",
                "monthly_data_processed_gb", "GB processed a month"));
        k.put("google_compute_forwarding_rule", Map.of("monthly_ingress_data_gb", "GB of ingress processed a month"));
        k.put("google_dns_record_set", Map.of("monthly_queries", "queries a month"));
        k.put("google_compute_snapshot", Map.of("storage_gb", "GB stored"));
        k.put("google_compute_image", Map.of("storage_gb", "GB stored"));
        k.put("google_bigquery_dataset", Map.of("monthly_queries_tb", "TiB scanned by on-demand queries a month"));
        k.put("google_bigquery_table", Map.of("monthly_active_storage_gb", "GiB in active storage",
                "monthly_long_term_storage_gb", "GiB in long-term storage"));
        k.put("google_artifact_registry_repository", Map.of("storage_gb", "GB stored"));
        k.put("google_kms_crypto_key", Map.of("key_versions", "active key versions (1 unless given)",
                "monthly_key_operations", "cryptographic operations a month"));
        k.put("google_pubsub_subscription", Map.of("monthly_message_data_tb", "TiB of messages delivered a month",
                "storage_gb", "GiB of acknowledged messages retained", "snapshot_storage_gb", "GiB of snapshot backlog"));
        k.put("google_monitoring_metric_descriptor", Map.of("monthly_monitoring_data_mb", "MiB of metric data a month",
                "monthly_api_calls", "Monitoring API calls a month"));
        for (String logging : GoogleOperationsPricers.LOGGING_TYPES) {
            k.put(logging, Map.of("monthly_logging_data_gb", "GiB of logs a month"));
        }
        k.put("azurerm_nat_gateway", Map.of("monthly_data_processed_gb", "GB processed a month"));
        k.put("azurerm_firewall", Map.of("monthly_data_processed_gb", "GB processed a month"));
        k.put("azurerm_lb", Map.of("monthly_data_processed_gb", "GB processed a month"));
        k.put("azurerm_private_endpoint", Map.of("monthly_inbound_data_processed_gb", "GB processed inbound a month",
                "monthly_outbound_data_processed_gb", "GB processed outbound a month"));
        k.put("azurerm_servicebus_namespace", Map.of("monthly_messaging_operations", "messaging operations a month (Basic tier)"));
        k.put("azurerm_api_management", Map.of("monthly_api_calls", "API calls a month (Consumption tier)"));
        k.put("azurerm_image", Map.of("storage_gb", "GB stored"));
        k.put("azurerm_application_insights", Map.of("monthly_data_ingested_gb", "GB ingested a month"));
        k.put("azurerm_log_analytics_workspace", Map.of("monthly_log_data_ingestion_gb", "GB ingested a month"));
        k.put("azurerm_mssql_database", Map.of("monthly_vcore_hours", "vCore-hours a month (serverless databases)"));
        k.put("azurerm_application_gateway", Map.of("monthly_data_processed_gb", "GB processed a month (v1 gateways)"));
        for (String cosmos : AzureCosmosPricer.TYPES) {
            k.put(cosmos, AzureCosmosPricer.usageKeys());
        }
        k.put("azurerm_storage_account", Map.of("storage_gb", "GB stored"));
        return Map.copyOf(k);
    }

    /** Infracost's usage-file keys (nested ones dotted) that this estimator names otherwise. */
    static final Map<String, String> ALIASES = Map.of("standard.storage_gb", "standard_storage_gb",
            "standard.monthly_tier_1_requests", "monthly_tier_1_requests",
            "standard.monthly_tier_2_requests", "monthly_tier_2_requests",
            "standard_infrequent_access.storage_gb", "standard_infrequent_access_storage_gb",
            "one_zone_infrequent_access.storage_gb", "one_zone_infrequent_access_storage_gb",
            "glacier_flexible_retrieval.storage_gb", "glacier_flexible_retrieval_storage_gb",
            "glacier_deep_archive.storage_gb", "glacier_deep_archive_storage_gb",
            "intelligent_tiering.frequent_access_storage_gb", "intelligent_tiering_frequent_access_storage_gb",
            "intelligent_tiering.infrequent_access_storage_gb", "intelligent_tiering_infrequent_access_storage_gb");

    /** Keys whose value is a word, with the words allowed; every other key takes a number of 0 or more. */
    private static final Map<String, java.util.Set<String>> WORDS = Map.of("operating_system", java.util.Set.of("linux", "windows",
            "rhel", "suse"));

    /** The words a key takes, or null when it takes a number. */
    public static java.util.Set<String> words(String key) {
        return WORDS.get(key);
    }

    /** The keys a type takes (none for types without usage components). */
    public static Map<String, String> of(String type) {
        return KEYS.getOrDefault(type, Map.of());
    }

    public static boolean known(String key) {
        return KEYS.values().stream().anyMatch(m -> m.containsKey(key));
    }

    public static Map<String, Map<String, String>> all() {
        return KEYS;
    }
}
