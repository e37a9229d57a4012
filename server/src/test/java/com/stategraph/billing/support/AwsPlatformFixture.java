package com.stategraph.billing.support;

import static com.stategraph.billing.support.EstimateFixture.BOOK;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;

import com.stategraph.billing.support.PriceBooks.Price;
import java.util.List;
import java.util.Map;

/**
 * Network Firewall, WAF, private CAs, CloudTrail, Config rules, Client VPN, Transfer Family,
 * Neptune, DMS, Firehose, EventBridge, Dedicated Hosts, Aurora clusters and MWAA: us-east-1 list
 * prices, per unit as AWS lists them, and their decoys.
 */
final class AwsPlatformFixture {
    private AwsPlatformFixture() {
    }

    static void add() {
        security("us-east-1");
        platform("us-east-1");
    }

    private static void security(String r) {
        BOOK.product("aws", r, "AWSNetworkFirewall", "AWS Firewall", Map.of("usagetype", "USE1-Endpoint-Hour"), "hour", "0.395");
        BOOK.product("aws", r, "AWSNetworkFirewall", "AWS Firewall", Map.of("usagetype", "USE1-Advanced-Endpoint-Hour"), "hour", "0.4");
        BOOK.product("aws", r, "AWSNetworkFirewall", "AWS Firewall", Map.of("usagetype", "USE1-Traffic-GB-Processed"), "GB", "0.065");
        STATE.managed("aws_networkfirewall_firewall", "edge", "aws", Map.of("id", "arn:aws:network-firewall:us-east-1:1:firewall/edge",
                "arn", "arn:aws:network-firewall:us-east-1:1:firewall/edge", "subnet_mapping",
                List.of(Map.of("subnet_id", "subnet-a"), Map.of("subnet_id", "subnet-b"))));
        expectHourly("aws_networkfirewall_firewall.edge", "Network Firewall Endpoint", "2", "0.395");
        expect("aws_networkfirewall_firewall.edge", "Data Processed", "0", "0.065");

        // WAF: Shield-protected rows (0) are decoys
        BOOK.product("aws", r, "awswaf", "Web Application Firewall", Map.of("usagetype", "USE1-WebACLV2"), "WebACL-Mo", "5.00");
        BOOK.product("aws", r, "awswaf", "Web Application Firewall", Map.of("usagetype", "USE1-ShieldProtected-WebACLV2"), "WebACL-Mo", "0");
        BOOK.product("aws", r, "awswaf", "Web Application Firewall", Map.of("usagetype", "USE1-RuleV2"), "Rule-Mo", "1.00");
        BOOK.product("aws", r, "awswaf", "Web Application Firewall", Map.of("usagetype", "USE1-ShieldProtected-RuleV2"), "Rule-Mo", "0");
        BOOK.product("aws", r, "awswaf", "Web Application Firewall", Map.of("usagetype", "USE1-RequestV2-Tier1"), "Request", "0.0000006");
        STATE.managed("aws_wafv2_web_acl", "site", "aws", Map.of("id", "waf-1", "arn", "arn:aws:wafv2:us-east-1:1:regional/webacl/site/1",
                "rule", List.of(Map.of("name", "rate"), Map.of("name", "geo"), Map.of("name", "bots"))));
        expect("aws_wafv2_web_acl.site", "Web ACL usage", "1", "5.00");
        expect("aws_wafv2_web_acl.site", "Rules", "3", "1.00");
        expect("aws_wafv2_web_acl.site", "Requests", "0", "0.0000006");

        BOOK.product("aws", r, "AWSCertificateManager", "AWS Certificate Manager", Map.of("usagetype", "USE1-PaidPrivateCA"), "Months",
                "400");
        BOOK.product("aws", r, "AWSCertificateManager", "AWS Certificate Manager", Map.of("usagetype", "USE1-PaidPrivateCA-ShortLived"),
                "Months", "50");
        BOOK.product("aws", r, "AWSCertificateManager", "AWS Certificate Manager", Map.of("usagetype", "USE1-PrivateCertificatesIssued"),
                Price.onDemand("Certificates", "0.75").to("1000"), Price.onDemand("Certificates", "0.35").from("1000").to("10000"),
                Price.onDemand("Certificates", "0.001").from("10000"));
        STATE.managed("aws_acmpca_certificate_authority", "internal", "aws", Map.of("id",
                "arn:aws:acm-pca:us-east-1:1:certificate-authority/1", "arn", "arn:aws:acm-pca:us-east-1:1:certificate-authority/1"));
        expect("aws_acmpca_certificate_authority.internal", "Private certificate authority", "1", "400");
        expect("aws_acmpca_certificate_authority.internal", "Certificates (first 1K)", "0", "0.75");

        BOOK.product("aws", r, "AWSCloudTrail", "Management Tools - AWS CloudTrail Paid Events Recorded",
                Map.of("usagetype", "USE1-PaidEventsRecorded"), "Events", "0.00002");
        BOOK.product("aws", r, "AWSCloudTrail", "Management Tools - AWS CloudTrail Data Events Recorded",
                Map.of("usagetype", "USE1-DataEventsRecorded"), "Events", "0.000001");
        BOOK.product("aws", r, "AWSCloudTrail", "Management Tools - AWS CloudTrail Insights Events",
                Map.of("usagetype", "USE1-InsightsEvents"), "Events", "0.0000035");
        STATE.managed("aws_cloudtrail", "org", "aws", Map.of("id", "org", "arn", "arn:aws:cloudtrail:us-east-1:1:trail/org",
                "insight_selector", List.of(Map.of("insight_type", "ApiCallRateInsight"))));
        expect("aws_cloudtrail.org", "Additional management events", "0", "0.00002");
        expect("aws_cloudtrail.org", "Data events", "0", "0.000001");
        expect("aws_cloudtrail.org", "Insights events", "0", "0.0000035");

        BOOK.product("aws", r, "AWSConfig", "Management Tools - AWS Config Rules", Map.of("usagetype", "USE1-ConfigRuleEvaluations"),
                Price.onDemand("Evaluations", "0.001").to("100000"), Price.onDemand("Evaluations", "0.0008").from("100000").to("500000"),
                Price.onDemand("Evaluations", "0.0005").from("500000"));
        BOOK.product("aws", r, "AWSConfig", "Management Tools - AWS Config Rules", Map.of("usagetype",
                "USE1-ConformancePackEvaluations"), "Evaluations", "0.0012");
        STATE.managed("aws_config_config_rule", "tags", "aws", Map.of("id", "required-tags", "arn",
                "arn:aws:config:us-east-1:1:config-rule/required-tags"));
        expect("aws_config_config_rule.tags", "Rule evaluations (first 100K)", "0", "0.001");

        BOOK.product("aws", r, "AmazonVPC", "Client VPN", Map.of("usagetype", "USE1-ClientVPN-EndpointHours"), "hours", "0.10");
        BOOK.product("aws", r, "AmazonVPC", "Client VPN", Map.of("usagetype", "USE1-ClientVPN-ConnectionHours"), "hours", "0.05");
        STATE.managed("aws_ec2_client_vpn_network_association", "a", "aws", Map.of("id", "cvpn-assoc-1", "region", r));
        expectHourly("aws_ec2_client_vpn_network_association.a", "Endpoint association", "1", "0.10");
    }

    private static void platform(String r) {
        BOOK.product("aws", r, "AWSTransfer", "AWS Transfer Family", Map.of("usagetype", "USE1-ProtocolHours", "operation", "SFTP:S3"),
                "Hours", "0.30");
        BOOK.product("aws", r, "AWSTransfer", "AWS Transfer Family", Map.of("usagetype", "USE1-ProtocolHours", "operation", "FTPS:S3"),
                "Hours", "0.3001");
        BOOK.product("aws", r, "AWSTransfer", "AWS Transfer Family", Map.of("usagetype", "USE1-ProtocolHours", "operation", "SFTP:EFS"),
                "Hours", "0.3002");
        BOOK.product("aws", r, "AWSTransfer", "AWS Transfer Family", Map.of("usagetype", "USE1-UploadBytes", "operation", "SFTP:S3"),
                "GB", "0.04");
        BOOK.product("aws", r, "AWSTransfer", "AWS Transfer Family", Map.of("usagetype", "USE1-DownloadBytes", "operation", "SFTP:S3"),
                "GB", "0.04");
        STATE.managed("aws_transfer_server", "sftp", "aws", Map.of("id", "s-1", "arn", "arn:aws:transfer:us-east-1:1:server/s-1",
                "protocols", List.of("SFTP", "FTPS")));
        expectHourly("aws_transfer_server.sftp", "SFTP protocol enabled", "1", "0.30");
        expectHourly("aws_transfer_server.sftp", "FTPS protocol enabled", "1", "0.3001");
        expect("aws_transfer_server.sftp", "Data uploaded", "0", "0.04");
        expect("aws_transfer_server.sftp", "Data downloaded", "0", "0.04");

        BOOK.product("aws", r, "AmazonNeptune", "Database Instance", Map.of("instanceType", "db.r5.large", "usagetype",
                "USE1-InstanceUsage:db.r5.large"), "Hrs", "0.348");
        BOOK.product("aws", r, "AmazonNeptune", "Database Instance", Map.of("instanceType", "db.r5.large", "usagetype",
                "USE1-InstanceUsageIOOptimized:db.r5.large"), "Hrs", "0.3828");
        STATE.managed("aws_neptune_cluster_instance", "graph", "aws", Map.of("id", "graph-1", "arn", "arn:aws:rds:us-east-1:1:db:graph-1",
                "instance_class", "db.r5.large"));
        expectHourly("aws_neptune_cluster_instance.graph", "Database instance (on-demand, db.r5.large)", "1", "0.348");

        BOOK.product("aws", r, "AWSDatabaseMigrationSvc", "Compute", Map.of("instanceType", "t3.medium", "availabilityZone", "Single"),
                "Hrs", "0.078");
        BOOK.product("aws", r, "AWSDatabaseMigrationSvc", "Compute", Map.of("instanceType", "t3.medium", "availabilityZone", "Multiple"),
                "Hrs", "0.156");
        BOOK.product("aws", r, "AWSDatabaseMigrationSvc", "Storage", Map.of("storageMedia", "SSD", "availabilityZone", "Single"),
                "GB-Mo", "0.115");
        BOOK.product("aws", r, "AWSDatabaseMigrationSvc", "Storage", Map.of("storageMedia", "SSD", "availabilityZone", "Multiple"),
                "GB-Mo", "0.23");
        STATE.managed("aws_dms_replication_instance", "migrate", "aws", Map.of("id", "migrate", "replication_instance_arn",
                "arn:aws:dms:us-east-1:1:rep:migrate", "region", r, "replication_instance_class", "dms.t3.medium",
                "allocated_storage", 100, "multi_az", false));
        expectHourly("aws_dms_replication_instance.migrate", "Instance (t3.medium)", "1", "0.078");
        expect("aws_dms_replication_instance.migrate", "Storage (general purpose SSD, gp2)", "50", "0.115");

        BOOK.product("aws", r, "AmazonKinesisFirehose", "Kinesis Firehose", Map.of("group", "Event-by-Event Processing"),
                Price.onDemand("GB", "0.029").to("512000"), Price.onDemand("GB", "0.025").from("512000").to("2048000"),
                Price.onDemand("GB", "0.02").from("2048000"));
        BOOK.product("aws", r, "AmazonKinesisFirehose", "Kinesis Firehose", Map.of("group", "Data Format Conversion", "operation",
                "DataFormatConversion"), "GB", "0.018");
        STATE.managed("aws_kinesis_firehose_delivery_stream", "logs", "aws", Map.of("id", "arn:aws:firehose:us-east-1:1:deliverystream/logs",
                "arn", "arn:aws:firehose:us-east-1:1:deliverystream/logs"));
        expect("aws_kinesis_firehose_delivery_stream.logs", "Data ingested (first 500TB)", "0", "0.029");

        BOOK.product("aws", r, "AWSEvents", "EventBridge", Map.of("eventType", "Custom Event"), "Events", "0.000001");
        BOOK.product("aws", r, "AWSEvents", "EventBridge", Map.of("eventType", "Partner Event"), "Events", "0.0000011");
        STATE.managed("aws_cloudwatch_event_bus", "orders", "aws", Map.of("id", "orders", "arn", "arn:aws:events:us-east-1:1:event-bus/orders"));
        expect("aws_cloudwatch_event_bus.orders", "Custom events published", "0", "0.000001");

        BOOK.product("aws", r, "AmazonEC2", "Dedicated Host", Map.of("usagetype", "USE1-HostUsage:m5"), "Hrs", "5.069");
        BOOK.product("aws", r, "AmazonEC2", "Dedicated Host", Map.of("usagetype", "USE1-HostUsage:m5n"), "Hrs", "5.962");
        STATE.managed("aws_ec2_host", "licensed", "aws", Map.of("id", "h-1", "arn", "arn:aws:ec2:us-east-1:1:dedicated-host/h-1",
                "instance_family", "m5"));
        expectHourly("aws_ec2_host.licensed", "EC2 Dedicated Host (on-demand, m5)", "1", "5.069");

        BOOK.product("aws", r, "AmazonRDS", "Database Storage", Map.of("databaseEngine", "Any", "usagetype", "Aurora:StorageUsage"),
                "GB-Mo", "0.10");
        BOOK.product("aws", r, "AmazonRDS", "Database Storage", Map.of("databaseEngine", "Any", "usagetype",
                "Aurora:IO-OptimizedStorageUsage"), "GB-Mo", "0.225");
        BOOK.product("aws", r, "AmazonRDS", "System Operation", Map.of("databaseEngine", "Any", "usagetype", "Aurora:StorageIOUsage"),
                "IOs", "0.0000002");
        STATE.managed("aws_rds_cluster", "aurora", "aws", Map.of("id", "aurora", "arn", "arn:aws:rds:us-east-1:1:cluster:aurora",
                "engine", "aurora-mysql", "engine_mode", "provisioned"));
        expect("aws_rds_cluster.aurora", "Storage", "0", "0.10");
        expect("aws_rds_cluster.aurora", "I/O requests", "0", "0.0000002");

        BOOK.product("aws", r, "AmazonMWAA", "Environment", Map.of("type", "Environment", "size", "Small"), "Hrs", "0.49");
        BOOK.product("aws", r, "AmazonMWAA", "Environment", Map.of("type", "Environment", "size", "Medium"), "Hrs", "0.99");
        BOOK.product("aws", r, "AmazonMWAA", "Environment", Map.of("type", "AdditionalWorker", "size", "Small"), "Hrs", "0.055");
        BOOK.product("aws", r, "AmazonMWAA", "Storage", Map.of("usagetype", "USE1-Airflow-StandardDatabaseStorage"), "GB-Mo", "0.10");
        STATE.managed("aws_mwaa_environment", "flows", "aws", Map.of("id", "flows", "arn", "arn:aws:airflow:us-east-1:1:environment/flows",
                "environment_class", "mw1.small"));
        expectHourly("aws_mwaa_environment.flows", "Environment (small)", "1", "0.49");
        expect("aws_mwaa_environment.flows", "Meta database", "0", "0.10");
    }
}
