package com.stategraph.billing.support;

import static com.stategraph.billing.support.EstimateFixture.BOOK;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;

import com.stategraph.billing.support.PriceBooks.Price;
import java.util.List;
import java.util.Map;

/** DynamoDB, Kinesis, MSK, Redshift, OpenSearch, DocumentDB and MQ: us-east-1 list prices, their free tiers and their decoys. */
final class AwsDataFixture {
    private AwsDataFixture() {
    }

    static void add() {
        String r = "us-east-1";
        // DynamoDB: capacity and storage start with a free tier; infrequent-access and backup rows are decoys
        BOOK.product("aws", r, "AmazonDynamoDB", "Provisioned IOPS", Map.of("group", "DDB-WriteUnits", "usagetype", "WriteCapacityUnit-Hrs"),
                Price.onDemand("WriteCapacityUnit-Hrs", "0").to("18600"), Price.onDemand("WriteCapacityUnit-Hrs", "0.00065").from("18600"));
        BOOK.product("aws", r, "AmazonDynamoDB", "Provisioned IOPS", Map.of("group", "DDB-ReadUnits", "usagetype", "ReadCapacityUnit-Hrs"),
                Price.onDemand("ReadCapacityUnit-Hrs", "0").to("18600"), Price.onDemand("ReadCapacityUnit-Hrs", "0.00013").from("18600"));
        BOOK.product("aws", r, "AmazonDynamoDB", "Provisioned IOPS", Map.of("group", "DDB-WriteUnitsIA", "usagetype",
                "IA-WriteCapacityUnit-Hrs"), "WriteCapacityUnit-Hrs", "0.00081");
        BOOK.product("aws", r, "AmazonDynamoDB", "Amazon DynamoDB PayPerRequest Throughput", Map.of("group", "DDB-WriteUnits"),
                "WriteRequestUnits", "0.000000625");
        BOOK.product("aws", r, "AmazonDynamoDB", "Amazon DynamoDB PayPerRequest Throughput", Map.of("group", "DDB-ReadUnits"),
                "ReadRequestUnits", "0.000000125");
        BOOK.product("aws", r, "AmazonDynamoDB", "Database Storage", Map.of("usagetype", "TimedStorage-ByteHrs"),
                Price.onDemand("GB-Mo", "0").to("25"), Price.onDemand("GB-Mo", "0.25").from("25"));
        BOOK.product("aws", r, "AmazonDynamoDB", "Database Storage", Map.of("usagetype", "IA-TimedStorage-ByteHrs"), "GB-Mo", "0.10");
        BOOK.product("aws", r, "AmazonDynamoDB", "Database Storage", Map.of("usagetype", "TimedPITRStorage-ByteHrs"), "GB-Mo", "0.20");
        BOOK.product("aws", r, "AmazonDynamoDB", "Amazon DynamoDB On-Demand Backup Storage", Map.of("usagetype", "TimedBackupStorage-ByteHrs"),
                "GB-Mo", "0.10");
        BOOK.product("aws", r, "AmazonDynamoDB", "Amazon DynamoDB Restore Data Size", Map.of("usagetype", "RestoreDataSize-Bytes"), "GB",
                "0.15");
        BOOK.product("aws", r, "AmazonDynamoDB", "API Request", Map.of("group", "DDB-StreamsReadRequests", "usagetype",
                "Streams-ReadRequestUnits"), Price.onDemand("ReadRequestUnits", "0").to("2500000"),
                Price.onDemand("ReadRequestUnits", "0.0000002").from("2500000"));
        STATE.managed("aws_dynamodb_table", "orders", "aws", Map.of("id", "orders", "arn", "arn:aws:dynamodb:us-east-1:1:table/orders",
                "billing_mode", "PROVISIONED", "read_capacity", 20, "write_capacity", 10, "point_in_time_recovery",
                List.of(Map.of("enabled", true))));
        expect("aws_dynamodb_table.orders", "Point-in-time recovery (PITR) backup storage", "0", "0.20");
        expectHourly("aws_dynamodb_table.orders", "Write capacity units", "10", "0.00065");
        expectHourly("aws_dynamodb_table.orders", "Read capacity units", "20", "0.00013");
        expect("aws_dynamodb_table.orders", "Data storage", "0", "0.25");
        for (String table : List.of("aws_dynamodb_table.orders", "aws_dynamodb_table.events")) {
            expect(table, "On-demand backup storage", "0", "0.10");
            expect(table, "Table data restored", "0", "0.15");
            expect(table, "Streams read request units", "0", "0.0000002");
        }
        STATE.managed("aws_dynamodb_table", "events", "aws", Map.of("id", "events", "arn", "arn:aws:dynamodb:us-east-1:1:table/events",
                "billing_mode", "PAY_PER_REQUEST", "read_capacity", 0, "write_capacity", 0));
        expect("aws_dynamodb_table.events", "Write request units", "0", "0.000000625");
        expect("aws_dynamodb_table.events", "Read request units", "0", "0.000000125");
        expect("aws_dynamodb_table.events", "Data storage", "0", "0.25");

        // Kinesis: extended-retention shard hours and enhanced fan-out bytes are decoys
        BOOK.product("aws", r, "AmazonKinesis", "Kinesis Streams", Map.of("usagetype", "USE1-Storage-ShardHour", "operation",
                "shardHourStorage"), "ShardHour", "0.015");
        BOOK.product("aws", r, "AmazonKinesis", "Kinesis Streams", Map.of("usagetype", "USE1-Extended-ShardHour", "operation",
                "shardHourStorage"), "ShardHour", "0.02");
        BOOK.product("aws", r, "AmazonKinesis", "Kinesis Streams", Map.of("usagetype", "USE1-PutRequestPayloadUnits", "operation",
                "PutRequest"), "PutRequest", "0.000000014");
        BOOK.product("aws", r, "AmazonKinesis", "Kinesis Streams", Map.of("usagetype", "USE1-OnDemand-StreamHour", "operation",
                "OnDemandStreamHr"), "StreamHour", "0.04");
        BOOK.product("aws", r, "AmazonKinesis", "Kinesis Streams", Map.of("usagetype", "USE1-OnDemand-BilledIncomingBytes", "operation",
                "OnDemandDataIngested"), "GB", "0.08");
        BOOK.product("aws", r, "AmazonKinesis", "Kinesis Streams", Map.of("usagetype", "USE1-OnDemand-BilledOutgoingBytes", "operation",
                "OnDemandDataRetrieval"), "GB", "0.04");
        BOOK.product("aws", r, "AmazonKinesis", "Kinesis Streams", Map.of("usagetype", "USE1-OnDemand-BilledOutgoingEFOBytes", "operation",
                "OnDemandEFODataRetrieval"), "GB", "0.05");
        STATE.managed("aws_kinesis_stream", "clicks", "aws", Map.of("id", "arn:aws:kinesis:us-east-1:1:stream/clicks", "arn",
                "arn:aws:kinesis:us-east-1:1:stream/clicks", "shard_count", 4, "stream_mode_details",
                List.of(Map.of("stream_mode", "PROVISIONED"))));
        expectHourly("aws_kinesis_stream.clicks", "Shards (provisioned)", "4", "0.015");
        expect("aws_kinesis_stream.clicks", "PUT payload units", "0", "0.000000014");
        STATE.managed("aws_kinesis_stream", "audit", "aws", Map.of("id", "arn:aws:kinesis:us-east-1:1:stream/audit", "arn",
                "arn:aws:kinesis:us-east-1:1:stream/audit", "stream_mode_details", List.of(Map.of("stream_mode", "ON_DEMAND"))));
        expectHourly("aws_kinesis_stream.audit", "Stream (on-demand)", "1", "0.04");
        expect("aws_kinesis_stream.audit", "Data ingested", "0", "0.08");
        expect("aws_kinesis_stream.audit", "Data retrieval", "0", "0.04");

        // MSK: another broker size, an Express broker and Outposts are decoys
        Map<String, String> region = Map.of("locationType", "AWS Region");
        BOOK.product("aws", r, "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", EstimateFixture.with(region, "usagetype",
                "USE1-Kafka.m5.large"), "hours", "0.21");
        BOOK.product("aws", r, "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", EstimateFixture.with(region, "usagetype",
                "USE1-Kafka.m5.xlarge"), "hours", "0.42");
        BOOK.product("aws", r, "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", EstimateFixture.with(region, "usagetype",
                "USE1-Kafka.express.m5.large"), "hours", "0.408");
        BOOK.product("aws", r, "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", Map.of("locationType", "AWS Outposts",
                "usagetype", "USE1-Kafka.m5.large"), "hours", "0.25");
        BOOK.product("aws", r, "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", EstimateFixture.with(
                EstimateFixture.with(region, "usagetype", "USE1-Kafka.Storage.GP2"), "storageFamily", "GP2"), "GB-Mo", "0.10");
        BOOK.product("aws", r, "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", EstimateFixture.with(
                EstimateFixture.with(region, "usagetype", "USE1-Kafka.TieredStorage"), "storageFamily", "Tiered"), "GB-Mo", "0.06");
        STATE.managed("aws_msk_cluster", "events", "aws", Map.of("id", "arn:aws:kafka:us-east-1:1:cluster/events/1", "arn",
                "arn:aws:kafka:us-east-1:1:cluster/events/1", "number_of_broker_nodes", 3, "broker_node_group_info",
                List.of(Map.of("instance_type", "kafka.m5.large", "storage_info", List.of(Map.of("ebs_storage_info",
                        List.of(Map.of("volume_size", 500))))))));
        expectHourly("aws_msk_cluster.events", "Broker instances (kafka.m5.large)", "3", "0.21");
        expect("aws_msk_cluster.events", "Storage", "1500", "0.10");

        // Redshift: the reserved price and the other node type are decoys
        BOOK.product("aws", r, "AmazonRedshift", "Compute Instance", Map.of("instanceType", "dc2.large"), Price.reserved("Hrs", "0.16"),
                Price.onDemand("Hrs", "0.25"));
        BOOK.product("aws", r, "AmazonRedshift", "Compute Instance", Map.of("instanceType", "ra3.xlplus"), "Hrs", "1.086");
        BOOK.product("aws", r, "AmazonRedshift", "Redshift Managed Storage", Map.of("instanceType", "ra3.xlplus"), "GB-Mo", "0.024");
        STATE.managed("aws_redshift_cluster", "dw", "aws", Map.of("id", "dw", "arn", "arn:aws:redshift:us-east-1:1:cluster:dw",
                "node_type", "dc2.large", "number_of_nodes", 2));
        expectHourly("aws_redshift_cluster.dw", "Cluster usage (on-demand, dc2.large)", "2", "0.25");
        STATE.managed("aws_redshift_cluster", "lake", "aws", Map.of("id", "lake", "arn", "arn:aws:redshift:us-east-1:1:cluster:lake",
                "node_type", "ra3.xlplus", "number_of_nodes", 2));
        expectHourly("aws_redshift_cluster.lake", "Cluster usage (on-demand, ra3.xlplus)", "2", "1.086");
        expect("aws_redshift_cluster.lake", "Managed storage", "0", "0.024");

        // OpenSearch: another instance type, UltraWarm and the other volume types are decoys
        BOOK.product("aws", r, "AmazonES", "Amazon OpenSearch Service Instance", Map.of("usagetype", "ESInstance:m5.large",
                "instanceType", "m5.large.search"), "Hrs", "0.142");
        BOOK.product("aws", r, "AmazonES", "Amazon OpenSearch Service Instance", Map.of("usagetype", "ESInstance:r5.large",
                "instanceType", "r5.large.search"), "Hrs", "0.186");
        BOOK.product("aws", r, "AmazonES", "Amazon OpenSearch Service Instance", Map.of("usagetype", "ESInstance:c5.large",
                "instanceType", "c5.large.search"), "Hrs", "0.125");
        BOOK.product("aws", r, "AmazonES", "Amazon OpenSearch Service Volume", Map.of("usagetype", "ES:GP3-Storage",
                "storageMedia", "GP3"), "GB-Mo", "0.122");
        BOOK.product("aws", r, "AmazonES", "Amazon OpenSearch Service Volume", Map.of("usagetype", "ES:GP2-Storage",
                "storageMedia", "GP2"), "GB-Mo", "0.135");
        BOOK.product("aws", r, "AmazonES", "Amazon OpenSearch Service Volume", Map.of("usagetype", "ES:GP3-Throughput-Storage",
                "storageMedia", "GP3-ThroughPut-Storage"), "MiBps-Mo", "0.064");
        STATE.managed("aws_opensearch_domain", "logs", "aws", Map.of("id", "arn:aws:es:us-east-1:1:domain/logs", "arn",
                "arn:aws:es:us-east-1:1:domain/logs", "cluster_config", List.of(Map.of("instance_type", "m5.large.search",
                        "instance_count", 3, "dedicated_master_enabled", true, "dedicated_master_type", "c5.large.search",
                        "dedicated_master_count", 3)),
                "ebs_options", List.of(Map.of("ebs_enabled", true, "volume_type", "gp3", "volume_size", 100))));
        expectHourly("aws_opensearch_domain.logs", "Instance (on-demand, m5.large.search)", "3", "0.142");
        expectHourly("aws_opensearch_domain.logs", "Dedicated master (on-demand, c5.large.search)", "3", "0.125");
        expect("aws_opensearch_domain.logs", "Storage (gp3)", "300", "0.122");
        STATE.managed("aws_elasticsearch_domain", "legacy", "aws", Map.of("id", "arn:aws:es:us-east-1:1:domain/legacy", "arn",
                "arn:aws:es:us-east-1:1:domain/legacy", "cluster_config", List.of(Map.of("instance_type", "r5.large.elasticsearch",
                        "instance_count", 2)),
                "ebs_options", List.of(Map.of("ebs_enabled", true, "volume_size", 20))));
        expectHourly("aws_elasticsearch_domain.legacy", "Instance (on-demand, r5.large.search)", "2", "0.186");
        expect("aws_elasticsearch_domain.legacy", "Storage (gp2)", "40", "0.135");

        // DocumentDB: I/O-optimized rows are decoys
        BOOK.product("aws", r, "AmazonDocDB", "Database Instance", Map.of("instanceType", "db.r5.large", "volumeType", "General Purpose"),
                "Hrs", "0.277");
        BOOK.product("aws", r, "AmazonDocDB", "Database Instance", Map.of("instanceType", "db.r5.large", "volumeType", "IO Optimized"),
                "Hrs", "0.304");
        BOOK.product("aws", r, "AmazonDocDB", "Database Storage", Map.of("usagetype", "USE1-StorageUsage"), "GB-Mo", "0.10");
        BOOK.product("aws", r, "AmazonDocDB", "Database Storage", Map.of("usagetype", "USE1-IO-Optimized-StorageUsage"), "GB-Mo", "0.30");
        BOOK.product("aws", r, "AmazonDocDB", "System Operation", Map.of("usagetype", "USE1-StorageIOUsage"), "IOs", "0.0000002");
        STATE.managed("aws_docdb_cluster_instance", "docs", "aws", Map.of("id", "docs-1", "arn", "arn:aws:rds:us-east-1:1:db:docs-1",
                "instance_class", "db.r5.large"));
        expectHourly("aws_docdb_cluster_instance.docs", "Database instance (on-demand, db.r5.large)", "1", "0.277");
        expect("aws_docdb_cluster_instance.docs", "Storage", "0", "0.10");
        expect("aws_docdb_cluster_instance.docs", "I/O requests", "0", "0.0000002");

        // MQ: Multi-AZ, RabbitMQ and EBS storage are decoys
        BOOK.product("aws", r, "AmazonMQ", "Broker Instances", Map.of("usagetype", "USE1-mq.m5.large", "brokerEngine", "ActiveMQ",
                "deploymentOption", "Single-AZ"), "Hrs", "0.288");
        BOOK.product("aws", r, "AmazonMQ", "Broker Instances", Map.of("usagetype", "USE1-mq.m5.large", "brokerEngine", "ActiveMQ",
                "deploymentOption", "Multi-AZ"), "Hrs", "0.576");
        BOOK.product("aws", r, "AmazonMQ", "Broker Instances", Map.of("usagetype", "USE1-mq.m5.large", "brokerEngine", "RabbitMQ",
                "deploymentOption", "Single-AZ"), "Hrs", "0.2881");
        BOOK.product("aws", r, "AmazonMQ", "Broker Storage", Map.of("usagetype", "USE1-TimedStorage-ByteHrs"), "GB-Mo", "0.30");
        BOOK.product("aws", r, "AmazonMQ", "Broker Storage", Map.of("usagetype", "USE1-TimedStorage-EBS-ByteHrs"), "GB-Mo", "0.10");
        STATE.managed("aws_mq_broker", "queue", "aws", Map.of("id", "b-1", "arn", "arn:aws:mq:us-east-1:1:broker:queue:b-1",
                "host_instance_type", "mq.m5.large", "engine_type", "ActiveMQ", "deployment_mode", "SINGLE_INSTANCE"));
        expectHourly("aws_mq_broker.queue", "Instance usage (mq.m5.large, Single-AZ)", "1", "0.288");
        expect("aws_mq_broker.queue", "Storage", "0", "0.30");
    }
}
