package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * AWS data services: DynamoDB tables, Kinesis streams, MSK clusters, Redshift clusters, OpenSearch
 * domains, DocumentDB instances and MQ brokers (the filters are those Infracost uses, as facts).
 */
final class AwsDataPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;

    private AwsDataPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "aws_dynamodb_table", Set.of("billing_mode", "read_capacity", "write_capacity", "point_in_time_recovery"),
            "aws_kinesis_stream", Set.of("shard_count", "stream_mode_details"),
            "aws_msk_cluster", Set.of("number_of_broker_nodes", "broker_node_group_info"),
            "aws_redshift_cluster", Set.of("node_type", "number_of_nodes"),
            "aws_opensearch_domain", Set.of("cluster_config", "ebs_options"),
            "aws_elasticsearch_domain", Set.of("cluster_config", "ebs_options"),
            "aws_docdb_cluster_instance", Set.of("instance_class"),
            "aws_mq_broker", Set.of("host_instance_type", "engine_type", "deployment_mode", "storage_type"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("aws_dynamodb_table", AwsDataPricers::dynamoDbTable);
        pricers.put("aws_kinesis_stream", AwsDataPricers::kinesisStream);
        pricers.put("aws_msk_cluster", AwsDataPricers::mskCluster);
        pricers.put("aws_redshift_cluster", AwsDataPricers::redshiftCluster);
        pricers.put("aws_opensearch_domain", AwsDataPricers::searchDomain);
        pricers.put("aws_elasticsearch_domain", AwsDataPricers::searchDomain);
        pricers.put("aws_docdb_cluster_instance", AwsDataPricers::docDbInstance);
        pricers.put("aws_mq_broker", AwsDataPricers::mqBroker);
    }

    /**
     * Provisioned tables pay for capacity by the hour, on-demand ones by request; both for storage. Capacity and
     * storage prices start with a free tier: the tier without an end is the one paid.
     */
    private static List<Component> dynamoDbTable(Resource r) {
        List<Component> components = new ArrayList<>();
        if (r.text("billing_mode", "PROVISIONED").equalsIgnoreCase("PAY_PER_REQUEST")) {
            ProductQuery requests = ProductQuery.of("aws", r.region(), "AmazonDynamoDB", "Amazon DynamoDB PayPerRequest Throughput");
            components.add(Component.usage("Write request units", "WRU", r.usage("monthly_write_request_units"),
                    requests.attr("group", "DDB-WriteUnits")));
            components.add(Component.usage("Read request units", "RRU", r.usage("monthly_read_request_units"),
                    requests.attr("group", "DDB-ReadUnits")));
        } else {
            ProductQuery capacity = ProductQuery.of("aws", r.region(), "AmazonDynamoDB", "Provisioned IOPS").openTier();
            components.add(Component.hourly("Write capacity units", r.number("write_capacity", BigDecimal.ZERO),
                    capacity.attr("group", "DDB-WriteUnits")).withUnit("WCU-hours"));
            components.add(Component.hourly("Read capacity units", r.number("read_capacity", BigDecimal.ZERO),
                    capacity.attr("group", "DDB-ReadUnits")).withUnit("RCU-hours"));
        }
        components.add(Component.usage("Data storage", "GB", r.usage("storage_gb"), ProductQuery.of("aws", r.region(), "AmazonDynamoDB",
                "Database Storage").regex("usagetype", ProductQuery.awsUsageType("TimedStorage-ByteHrs")).openTier()));
        if ("true".equalsIgnoreCase(Resource.text(r.block("point_in_time_recovery"), "enabled", "false"))) {
            components.add(Component.usage("Point-in-time recovery (PITR) backup storage", "GB", r.usage("pitr_backup_storage_gb"),
                    ProductQuery.of("aws", r.region(), "AmazonDynamoDB", "Database Storage")
                            .regex("usagetype", ProductQuery.awsUsageType("TimedPITRStorage-ByteHrs"))));
        }
        components.add(Component.usage("On-demand backup storage", "GB", r.usage("on_demand_backup_storage_gb"),
                ProductQuery.of("aws", r.region(), "AmazonDynamoDB", "Amazon DynamoDB On-Demand Backup Storage")));
        components.add(Component.usage("Table data restored", "GB", r.usage("monthly_data_restored_gb"),
                ProductQuery.of("aws", r.region(), "AmazonDynamoDB", "Amazon DynamoDB Restore Data Size")));
        // the first 2.5 million stream reads a month are free: the open tier prices the rest
        components.add(Component.usage("Streams read request units", "sRRU", r.usage("monthly_streams_read_request_units"),
                ProductQuery.of("aws", r.region(), "AmazonDynamoDB", "API Request").regex("group", "DDB-StreamsReadRequests").openTier()));
        return components;
    }

    /** Provisioned streams pay by shard hour and PUT payload unit; on-demand ones by stream hour and data in and out. */
    private static List<Component> kinesisStream(Resource r) {
        ProductQuery kinesis = ProductQuery.of("aws", r.region(), "AmazonKinesis", "Kinesis Streams");
        String mode = Resource.text(r.block("stream_mode_details"), "stream_mode", "PROVISIONED");
        if (mode.equalsIgnoreCase("ON_DEMAND")) {
            return List.of(
                    Component.hourly("Stream (on-demand)", ONE, kinesis.regex("usagetype", "(^|-)OnDemand-StreamHour$")
                            .attr("operation", "OnDemandStreamHr")),
                    Component.usage("Data ingested", "GB", r.usage("monthly_on_demand_data_in_gb"),
                            kinesis.regex("usagetype", "(^|-)OnDemand-BilledIncomingBytes$").attr("operation", "OnDemandDataIngested")),
                    Component.usage("Data retrieval", "GB", r.usage("monthly_on_demand_data_out_gb"),
                            kinesis.regex("usagetype", "(^|-)OnDemand-BilledOutgoingBytes$").attr("operation", "OnDemandDataRetrieval")));
        }
        return List.of(
                Component.hourly("Shards (provisioned)", r.number("shard_count", ONE),
                        kinesis.regex("usagetype", "(^|-)Storage-ShardHour$").attr("operation", "shardHourStorage")).withUnit("shard-hours"),
                Component.usage("PUT payload units", "units", r.usage("monthly_provisioned_put_units"),
                        kinesis.regex("usagetype", "(^|-)PutRequestPayloadUnits$").attr("operation", "PutRequest")));
    }

    /** Broker instances by the hour, and each broker's EBS storage. */
    private static List<Component> mskCluster(Resource r) {
        JsonNode brokers = r.block("broker_node_group_info");
        String instanceType = Resource.text(brokers, "instance_type", "");
        BigDecimal nodes = r.number("number_of_broker_nodes", ONE);
        BigDecimal volume = Resource.number(Resource.block(Resource.block(brokers, "storage_info"), "ebs_storage_info"), "volume_size",
                Resource.number(brokers, "ebs_volume_size", BigDecimal.valueOf(1000)));
        ProductQuery msk = ProductQuery.of("aws", r.region(), "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)")
                .attr("locationType", "AWS Region");
        return List.of(
                Component.hourly("Broker instances (" + instanceType + ")", nodes,
                        msk.regex("usagetype", "(^|-)" + ProductQuery.literal(instanceType) + "$")),
                Component.monthly("Storage", "GB", volume.multiply(nodes), msk.attr("storageFamily", "GP2")));
    }

    private static List<Component> redshiftCluster(Resource r) {
        String nodeType = r.text("node_type", "");
        List<Component> components = new ArrayList<>();
        components.add(Component.hourly("Cluster usage (on-demand, " + nodeType + ")", r.number("number_of_nodes", ONE),
                ProductQuery.of("aws", r.region(), "AmazonRedshift", "Compute Instance").attr("instanceType", nodeType)));
        if (nodeType.startsWith("ra3")) {
            components.add(Component.usage("Managed storage", "GB", r.usage("managed_storage_gb"),
                    ProductQuery.of("aws", r.region(), "AmazonRedshift", "Redshift Managed Storage").attr("instanceType", nodeType)));
        }
        return components;
    }

    /** Data nodes, dedicated masters, and each data node's EBS volume (gp2, gp3, io1 or magnetic). */
    private static List<Component> searchDomain(Resource r) {
        JsonNode cluster = r.block("cluster_config");
        ProductQuery instances = ProductQuery.of("aws", r.region(), "AmazonES", "Amazon OpenSearch Service Instance")
                .regex("usagetype", "(^|-)ESInstance:");
        String dataType = search(Resource.text(cluster, "instance_type", "m4.large.search"));
        BigDecimal dataNodes = Resource.number(cluster, "instance_count", ONE);
        List<Component> components = new ArrayList<>();
        components.add(Component.hourly("Instance (on-demand, " + dataType + ")", dataNodes, instances.attr("instanceType", dataType)));
        if ("true".equalsIgnoreCase(Resource.text(cluster, "dedicated_master_enabled", "false"))) {
            String masterType = search(Resource.text(cluster, "dedicated_master_type", dataType));
            components.add(Component.hourly("Dedicated master (on-demand, " + masterType + ")",
                    Resource.number(cluster, "dedicated_master_count", BigDecimal.valueOf(3)), instances.attr("instanceType", masterType)));
        }
        JsonNode ebs = r.block("ebs_options");
        if ("true".equalsIgnoreCase(Resource.text(ebs, "ebs_enabled", "false"))) {
            String volumeType = Resource.text(ebs, "volume_type", "gp2").toLowerCase(Locale.ROOT);
            String media = switch (volumeType) {
                case "gp3" -> "GP3";
                case "io1" -> "PIOPS-Storage";
                case "standard" -> "Magnetic";
                default -> "GP2";
            };
            components.add(Component.monthly("Storage (" + volumeType + ")", "GB",
                    Resource.number(ebs, "volume_size", BigDecimal.TEN).multiply(dataNodes),
                    ProductQuery.of("aws", r.region(), "AmazonES", "Amazon OpenSearch Service Volume")
                            .regex("usagetype", "ES.+-Storage$").attr("storageMedia", media)));
        }
        return components;
    }

    /** Elasticsearch's instance names end in .elasticsearch; the price list names them .search. */
    private static String search(String instanceType) {
        return instanceType.endsWith(".elasticsearch")
                ? instanceType.substring(0, instanceType.length() - ".elasticsearch".length()) + ".search" : instanceType;
    }

    private static List<Component> docDbInstance(Resource r) {
        String instanceClass = r.text("instance_class", "");
        return List.of(
                Component.hourly("Database instance (on-demand, " + instanceClass + ")", ONE,
                        ProductQuery.of("aws", r.region(), "AmazonDocDB", "Database Instance").attr("instanceType", instanceClass)
                                .attr("volumeType", "General Purpose")),
                Component.usage("Storage", "GB", r.usage("data_storage_gb"), ProductQuery.of("aws", r.region(), "AmazonDocDB",
                        "Database Storage").regex("usagetype", ProductQuery.awsUsageType("StorageUsage"))),
                Component.usage("I/O requests", "requests", r.usage("monthly_io_requests"), ProductQuery.of("aws", r.region(),
                        "AmazonDocDB", "System Operation").regex("usagetype", ProductQuery.awsUsageType("StorageIOUsage"))));
    }

    /** A broker instance (two for active/standby) and its storage: EFS for ActiveMQ by default, EBS, or RabbitMQ's own. */
    private static List<Component> mqBroker(Resource r) {
        String hostType = r.text("host_instance_type", "");
        String engine = r.text("engine_type", "ActiveMQ");
        String mode = r.text("deployment_mode", "SINGLE_INSTANCE").toUpperCase(Locale.ROOT);
        boolean multiAz = !mode.equals("SINGLE_INSTANCE");
        String storageUsage = engine.equalsIgnoreCase("RabbitMQ") ? "TimedStorage-RabbitMQ-ByteHrs"
                : r.text("storage_type", "efs").equalsIgnoreCase("ebs") ? "TimedStorage-EBS-ByteHrs" : "TimedStorage-ByteHrs";
        return List.of(
                Component.hourly("Instance usage (" + hostType + ", " + (multiAz ? "Multi-AZ" : "Single-AZ") + ")", ONE,
                        ProductQuery.of("aws", r.region(), "AmazonMQ", "Broker Instances")
                                .regex("usagetype", "(^|-)" + ProductQuery.literal(hostType) + "$")
                                .attr("brokerEngine", engine.equalsIgnoreCase("RabbitMQ") ? "RabbitMQ" : "ActiveMQ")
                                .attr("deploymentOption", multiAz ? "Multi-AZ" : "Single-AZ")),
                Component.usage("Storage", "GB", r.usage("storage_size_gb"), ProductQuery.of("aws", r.region(), "AmazonMQ", "Broker Storage")
                        .regex("usagetype", "(^|-)" + storageUsage + "$")));
    }
}
