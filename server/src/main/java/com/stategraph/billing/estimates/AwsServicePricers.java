package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AWS types priced by a flat monthly fee or by usage alone: secrets, KMS keys, log groups, container
 * registries, SNS topics, EFS file systems, and Aurora cluster instances (the filters are those Infracost uses, as facts).
 */
final class AwsServicePricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private AwsServicePricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "aws_secretsmanager_secret", Set.of(),
            "aws_kms_key", Set.of("customer_master_key_spec"),
            "aws_cloudwatch_log_group", Set.of(),
            "aws_ecr_repository", Set.of(),
            "aws_rds_cluster_instance", Set.of("instance_class", "engine"),
            "aws_sns_topic", Set.of(),
            "aws_efs_file_system", Set.of());

    static void register(Map<String, Pricer> pricers) {
        pricers.put("aws_secretsmanager_secret", r -> List.of(
                Component.monthly("Secret", "months", ONE, ProductQuery.of("aws", r.region(), "AWSSecretsManager", "Secret")),
                Component.usage("API requests", "requests", r.usage("monthly_requests"),
                        ProductQuery.of("aws", r.region(), "AWSSecretsManager", "API Request"))));
        pricers.put("aws_kms_key", r -> List.of(Component.monthly("Customer master key", "months", ONE,
                ProductQuery.of("aws", r.region(), "awskms", "Encryption Key").regex("usagetype", "(^|-)KMS-Keys$"))));
        pricers.put("aws_cloudwatch_log_group", r -> List.of(
                Component.usage("Data ingested", "GB", r.usage("monthly_data_ingested_gb"),
                        ProductQuery.of("aws", r.region(), "AmazonCloudWatch", "Data Payload").regex("usagetype", "-DataProcessing-Bytes$")),
                Component.usage("Archival storage", "GB", r.usage("storage_gb"),
                        ProductQuery.of("aws", r.region(), "AmazonCloudWatch", "Storage Snapshot")
                                .regex("usagetype", "-TimedStorage-ByteHrs$"))));
        pricers.put("aws_ecr_repository", r -> List.of(Component.usage("Storage", "GB", r.usage("storage_gb"),
                ProductQuery.of("aws", r.region(), "AmazonECR", "EC2 Container Registry").regex("usagetype", "(^|-)TimedStorage-ByteHrs$"))));
        pricers.put("aws_rds_cluster_instance", AwsServicePricers::auroraInstance);
        // the first million requests a month are free: the tier from 1,000,000 prices the rest
        pricers.put("aws_sns_topic", r -> List.of(Component.usage("API requests (over 1M)", "requests",
                r.usage("monthly_requests").subtract(MILLION).max(BigDecimal.ZERO),
                new ProductQuery("aws", r.region(), "AmazonSNS", "API Request", List.of(), "on_demand", null, "1000000"))));
        pricers.put("aws_efs_file_system", r -> List.of(Component.usage("Storage (standard)", "GB", r.usage("storage_gb"),
                ProductQuery.of("aws", r.region(), "AmazonEFS", "Storage").regex("usagetype", "(^|-)TimedStorage-ByteHrs$"))));
    }

    /** An Aurora instance: its class and engine, the standard (not I/O-optimized) instance usage type. */
    private static List<Component> auroraInstance(Resource r) {
        String instanceClass = r.text("instance_class", "");
        String engine = r.text("engine", "aurora-mysql").toLowerCase(Locale.ROOT).contains("postgres") ? "Aurora PostgreSQL"
                : "Aurora MySQL";
        return List.of(Component.hourly("Database instance (on-demand, " + instanceClass + ")", ONE,
                ProductQuery.of("aws", r.region(), "AmazonRDS", "Database Instance")
                        .attr("instanceType", instanceClass)
                        .attr("databaseEngine", engine)
                        .regex("usagetype", "InstanceUsage:")));
    }
}
