package com.stategraph.billing.estimates;

import com.stategraph.billing.estimates.UsageTiers.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AWS platform services: Transfer Family servers, Neptune instances, DMS replication instances,
 * Firehose streams, EventBridge buses, Dedicated Hosts, Aurora clusters and MWAA environments (the
 * filters are those Infracost uses, as facts).
 */
final class AwsPlatformPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal SECONDS_A_MONTH = Component.HOURS_A_MONTH.multiply(BigDecimal.valueOf(3600));

    private AwsPlatformPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "aws_transfer_server", Set.of("protocols"),
            "aws_neptune_cluster_instance", Set.of("instance_class"),
            "aws_dms_replication_instance", Set.of("replication_instance_class", "allocated_storage", "multi_az"),
            "aws_kinesis_firehose_delivery_stream", Set.of(),
            "aws_cloudwatch_event_bus", Set.of(),
            "aws_ec2_host", Set.of("instance_family", "instance_type"),
            "aws_rds_cluster", Set.of("engine", "engine_mode", "storage_type"),
            "aws_mwaa_environment", Set.of("environment_class"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("aws_transfer_server", AwsPlatformPricers::transferServer);
        pricers.put("aws_neptune_cluster_instance", r -> {
            String instanceClass = r.text("instance_class", "").toLowerCase(Locale.ROOT);
            return List.of(Component.hourly("Database instance (on-demand, " + instanceClass + ")", ONE,
                    ProductQuery.of("aws", r.region(), "AmazonNeptune", null).attr("instanceType", instanceClass)
                            .regex("usagetype", ProductQuery.awsUsageType("InstanceUsage:" + ProductQuery.literal(instanceClass)))));
        });
        pricers.put("aws_dms_replication_instance", AwsPlatformPricers::dmsInstance);
        pricers.put("aws_kinesis_firehose_delivery_stream", r -> UsageTiers.split("Data ingested", "GB", r.usage("monthly_data_ingested_gb"),
                List.of(new Tier("first 500TB", 0), new Tier("next 1.5PB", 512_000L), new Tier("next 3PB", 2_048_000L)),
                start -> ProductQuery.of("aws", r.region(), "AmazonKinesisFirehose", "Kinesis Firehose")
                        .attr("group", "Event-by-Event Processing").tier(start)));
        pricers.put("aws_cloudwatch_event_bus", r -> List.of(Component.usage("Custom events published", "events",
                r.usage("monthly_custom_events"), ProductQuery.of("aws", r.region(), "AWSEvents", "EventBridge")
                        .attr("eventType", "Custom Event"))));
        pricers.put("aws_ec2_host", r -> {
            String family = r.text("instance_family", r.text("instance_type", "").split("\\.")[0]);
            return List.of(Component.hourly("EC2 Dedicated Host (on-demand, " + family + ")", ONE,
                    ProductQuery.of("aws", r.region(), "AmazonEC2", "Dedicated Host")
                            .regex("usagetype", ProductQuery.awsUsageType("HostUsage:" + ProductQuery.literal(family)))));
        });
        pricers.put("aws_rds_cluster", AwsPlatformPricers::auroraCluster);
        pricers.put("aws_mwaa_environment", r -> {
            String size = r.text("environment_class", "mw1.small").replaceFirst("^mw1\\.", "");
            return List.of(
                    Component.hourly("Environment (" + size + ")", ONE, ProductQuery.of("aws", r.region(), "AmazonMWAA", null)
                            .attr("type", "Environment").regex("size", "^" + ProductQuery.literal(size) + "$")),
                    Component.usage("Meta database", "GB", r.usage("meta_database_gb"), ProductQuery.of("aws", r.region(), "AmazonMWAA", null)
                            .regex("usagetype", "Airflow-StandardDatabaseStorage$")));
        });
    }

    /** Each protocol enabled (SFTP unless listed) by the hour; data in and out, the same for every protocol. */
    private static List<Component> transferServer(Resource r) {
        List<String> protocols = r.texts("protocols").isEmpty() ? List.of("SFTP") : r.texts("protocols");
        ProductQuery transfer = ProductQuery.of("aws", r.region(), "AWSTransfer", "AWS Transfer Family");
        List<Component> components = new ArrayList<>();
        for (String protocol : protocols) {
            String p = protocol.toUpperCase(Locale.ROOT);
            components.add(Component.hourly(p + " protocol enabled", ONE, transfer.regex("usagetype", "^[A-Z0-9]*-ProtocolHours$")
                    .regex("operation", "^" + ProductQuery.literal(p) + ":S3$")));
        }
        String first = protocols.get(0).toUpperCase(Locale.ROOT);
        components.add(Component.usage("Data uploaded", "GB", r.usage("monthly_data_uploaded_gb"),
                transfer.regex("usagetype", "^[A-Z0-9]*-UploadBytes$").regex("operation", "^" + ProductQuery.literal(first) + ":S3$")));
        components.add(Component.usage("Data downloaded", "GB", r.usage("monthly_data_downloaded_gb"),
                transfer.regex("usagetype", "^[A-Z0-9]*-DownloadBytes$").regex("operation", "^" + ProductQuery.literal(first) + ":S3$")));
        return components;
    }

    /** The instance (dms.t3.medium is t3.medium in the price list) and its gp2 storage beyond what the class includes (50 or 100 GB). */
    private static List<Component> dmsInstance(Resource r) {
        String instanceClass = r.text("replication_instance_class", "");
        String instanceType = instanceClass.startsWith("dms.") ? instanceClass.substring(4) : instanceClass;
        String zones = r.flag("multi_az") ? "Multiple" : "Single";
        String family = instanceType.split("\\.")[0];
        BigDecimal included = BigDecimal.valueOf(family.startsWith("t") ? 50 : 100);
        BigDecimal storage = r.number("allocated_storage", BigDecimal.valueOf(50)).subtract(included).max(BigDecimal.ZERO);
        ProductQuery dms = ProductQuery.of("aws", r.region(), "AWSDatabaseMigrationSvc", null).attr("availabilityZone", zones);
        return List.of(
                Component.hourly("Instance (" + instanceType + ")", ONE, dms.attr("instanceType", instanceType)),
                Component.monthly("Storage (general purpose SSD, gp2)", "GB", storage, dms.attr("storageMedia", "SSD")));
    }

    /**
     * Aurora storage and I/O (from the request rates given as usage) for provisioned clusters, whose instances are their
     * own resources; capacity units for serverless v1 clusters.
     */
    private static List<Component> auroraCluster(Resource r) {
        boolean postgres = r.text("engine", "aurora-mysql").toLowerCase(Locale.ROOT).contains("postgres");
        String engine = postgres ? "Aurora PostgreSQL" : "Aurora MySQL";
        String storageEngine = postgres ? "^Aurora PostgreSQL$" : "^(Any|Aurora MySQL)$";
        List<Component> components = new ArrayList<>();
        if (r.text("engine_mode", "provisioned").equalsIgnoreCase("serverless")) {
            components.add(Component.usage("Aurora serverless", "ACU-hours", r.usage("capacity_units_per_hr").multiply(Component.HOURS_A_MONTH),
                    ProductQuery.of("aws", r.region(), "AmazonRDS", "Serverless").attr("databaseEngine", engine)));
        }
        boolean ioOptimized = r.text("storage_type", "").equalsIgnoreCase("aurora-iopt1");
        components.add(Component.usage(ioOptimized ? "Storage (I/O-optimized)" : "Storage", "GB", r.usage("storage_gb"),
                ProductQuery.of("aws", r.region(), "AmazonRDS", "Database Storage").regex("databaseEngine", storageEngine)
                        .regex("usagetype", ioOptimized ? "Aurora:IO-OptimizedStorageUsage$" : "Aurora:StorageUsage$")));
        if (!ioOptimized) {
            BigDecimal perSecond = r.usage("write_requests_per_sec").add(r.usage("read_requests_per_sec"));
            components.add(Component.usage("I/O requests", "requests", perSecond.multiply(SECONDS_A_MONTH),
                    ProductQuery.of("aws", r.region(), "AmazonRDS", "System Operation").regex("databaseEngine", storageEngine)
                            .regex("usagetype", "Aurora:StorageIOUsage$")));
        }
        return components;
    }
}
