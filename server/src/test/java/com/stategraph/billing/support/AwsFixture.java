package com.stategraph.billing.support;

import static com.stategraph.billing.support.EstimateFixture.BOOK;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;
import static com.stategraph.billing.support.EstimateFixture.with;

import com.stategraph.billing.support.PriceBooks.Price;
import java.util.List;
import java.util.Map;

/** The AWS part of {@link EstimateFixture}: products as the dump holds them, the decoys a careless filter picks, and what each resource must cost. */
public final class AwsFixture {
    /** An S3 storage class's product: the service and usage type its storage is priced by, and its us-east-1 price a GB-month. */
    public record S3Class(String service, String usageType, String usd) {
    }

    /** S3 storage classes other than Standard, by the component they price. */
    public static final Map<String, S3Class> S3_CLASSES = Map.of(
            "Intelligent tiering storage (frequent access)", new S3Class("AmazonS3", "TimedStorage-INT-FA-ByteHrs", "0.023"),
            "Intelligent tiering storage (infrequent access)", new S3Class("AmazonS3", "TimedStorage-INT-IA-ByteHrs", "0.0125"),
            "Standard - infrequent access storage", new S3Class("AmazonS3", "TimedStorage-SIA-ByteHrs", "0.01251"),
            "One zone - infrequent access storage", new S3Class("AmazonS3", "TimedStorage-ZIA-ByteHrs", "0.01"),
            "Glacier flexible retrieval storage", new S3Class("AmazonGlacier", "TimedStorage-ByteHrs", "0.0036"),
            "Glacier deep archive storage", new S3Class("AmazonS3GlacierDeepArchive", "TimedStorage-GDA-ByteHrs", "0.00099"));

    private AwsFixture() {
    }

    private static Map<String, String> ec2(String type, String tenancy, String os, String sw, String capacity) {
        return Map.of("instanceType", type, "tenancy", tenancy, "operatingSystem", os, "preInstalledSw", sw,
                "licenseModel", "No License required", "capacitystatus", capacity);
    }

    static void add() {
        String r = "us-east-1";
        // EC2 compute: the right product carries a reserved price too; the decoys differ in one attribute each.
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance", ec2("m5.large", "Shared", "Linux", "NA", "Used"),
                Price.reserved("Hrs", "0.06"), Price.onDemand("Hrs", "0.096"));
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance", ec2("m5.large", "Shared", "Windows", "NA", "Used"), "Hrs", "0.188");
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance", ec2("m5.large", "Shared", "Linux", "SQL Std", "Used"), "Hrs", "0.576");
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance", ec2("m5.large", "Shared", "Linux", "NA",
                "AllocatedCapacityReservation"), "Hrs", "0.0961");
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance", ec2("m5.large", "Shared", "Linux", "NA",
                "UnusedCapacityReservation"), "Hrs", "0.0962");
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance", ec2("m5.large", "Dedicated", "Linux", "NA", "Used"), "Hrs", "0.106");
        BOOK.product("aws", "us-west-2", "AmazonEC2", "Compute Instance", ec2("m5.large", "Shared", "Linux", "NA", "Used"), "Hrs",
                "0.0963");
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance", ec2("m5.xlarge", "Shared", "Linux", "NA", "Used"), "Hrs", "0.192");
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance", ec2("t3.large", "Shared", "Linux", "NA", "Used"),
                Price.of("spot", "Hrs", "0.0301"), Price.onDemand("Hrs", "0.0832"));
        // metal instances are family "Compute Instance (bare metal)"; the same type under "Compute Instance" is a decoy
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance (bare metal)", ec2("m5.metal", "Shared", "Linux", "NA", "Used"), "Hrs",
                "4.608");
        BOOK.product("aws", r, "AmazonEC2", "Compute Instance", ec2("m5.metal", "Shared", "Linux", "NA", "Used"), "Hrs", "9.216");
        STATE.managed("aws_instance", "metal", "aws", Map.of("id", "i-0metal", "arn", "arn:aws:ec2:us-east-1:1:instance/i-0metal",
                "instance_type", "m5.metal", "tenancy", "default", "root_block_device", List.of(Map.of("volume_type", "gp3",
                        "volume_size", 30))));
        expectHourly("aws_instance.metal", "Instance usage (Linux/UNIX, on-demand, m5.metal)", "1", "4.608");
        expect("aws_instance.metal", "root_block_device: Storage (general purpose SSD, gp3)", "30", "0.08");
        // spot: a spot request, and an instance launched on the spot market, at the spot price
        STATE.managed("aws_spot_instance_request", "batch", "aws", Map.of("id", "sir-1", "instance_type", "t3.large",
                "spot_price", "0.05", "region", "us-east-1", "root_block_device", List.of(Map.of("volume_type", "gp3", "volume_size", 8))));
        expectHourly("aws_spot_instance_request.batch", "Instance usage (Linux/UNIX, spot, t3.large)", "1", "0.0301");
        expect("aws_spot_instance_request.batch", "root_block_device: Storage (general purpose SSD, gp3)", "8", "0.08");
        STATE.managed("aws_instance", "spotty", "aws", Map.of("id", "i-0spot", "arn", "arn:aws:ec2:us-east-1:1:instance/i-0spot",
                "instance_type", "t3.large", "instance_market_options", List.of(Map.of("market_type", "spot")),
                "root_block_device", List.of(Map.of("volume_type", "gp3", "volume_size", 8))));
        expectHourly("aws_instance.spotty", "Instance usage (Linux/UNIX, spot, t3.large)", "1", "0.0301");
        expect("aws_instance.spotty", "root_block_device: Storage (general purpose SSD, gp3)", "8", "0.08");
        // EBS
        BOOK.product("aws", r, "AmazonEC2", "Storage", Map.of("volumeApiName", "gp2"), "GB-Mo", "0.10");
        BOOK.product("aws", r, "AmazonEC2", "Storage", Map.of("volumeApiName", "gp3"), "GB-Mo", "0.08");
        BOOK.product("aws", "us-west-2", "AmazonEC2", "Storage", Map.of("volumeApiName", "gp3"), "GB-Mo", "0.0801");
        BOOK.product("aws", r, "AmazonEC2", "Storage", Map.of("volumeApiName", "io1"), "GB-Mo", "0.125");
        BOOK.product("aws", r, "AmazonEC2", "Storage", Map.of("volumeApiName", "io2"), "GB-Mo", "0.1251");
        BOOK.product("aws", r, "AmazonEC2", "Storage", Map.of("volumeApiName", "st1"), "GB-Mo", "0.045");
        BOOK.product("aws", r, "AmazonEC2", "Storage", Map.of("volumeApiName", "sc1"), "GB-Mo", "0.015");
        BOOK.product("aws", r, "AmazonEC2", "Storage", Map.of("volumeApiName", "standard"), "GB-Mo", "0.05");
        BOOK.product("aws", r, "AmazonEC2", "System Operation", Map.of("volumeApiName", "gp3", "usagetype", "EBS:VolumeP-IOPS.gp3"),
                "IOPS-Mo", "0.005");
        BOOK.product("aws", r, "AmazonEC2", "System Operation", Map.of("volumeApiName", "io1", "usagetype", "EBS:VolumeP-IOPS.piops"),
                "IOPS-Mo", "0.065");
        BOOK.product("aws", r, "AmazonEC2", "System Operation", Map.of("volumeApiName", "io2", "usagetype", "EBS:VolumeP-IOPS.io2"),
                "IOPS-Mo", "0.0651");
        BOOK.product("aws", r, "AmazonEC2", "System Operation", Map.of("volumeApiName", "io2", "usagetype",
                "EBS:VolumeP-IOPS.io2.tier2"), "IOPS-Mo", "0.0455");
        BOOK.product("aws", r, "AmazonEC2", "System Operation", Map.of("volumeApiName", "io2", "usagetype",
                "EBS:VolumeP-IOPS.io2.tier3"), "IOPS-Mo", "0.032");
        BOOK.product("aws", r, "AmazonEC2", "System Operation", Map.of("volumeApiName", "standard", "usagetype", "EBS:VolumeIOUsage"),
                "IOs", "0.00000005");
        BOOK.product("aws", r, "AmazonEC2", "Provisioned Throughput", Map.of("volumeApiName", "gp3", "usagetype",
                "EBS:VolumeP-Throughput.gp3"), "GiBps-mo", "40.96");

        STATE.managed("aws_instance", "web", "aws", Map.of("id", "i-0web", "instance_type", "m5.large", "tenancy", "default",
                "availability_zone", "us-east-1a",
                "root_block_device", List.of(Map.of("volume_type", "gp3", "volume_size", 50, "iops", 4000, "throughput", 200)),
                "ebs_block_device", List.of(Map.of("device_name", "/dev/sdf", "volume_type", "io2", "volume_size", 100,
                        "iops", 40000, "throughput", 0))));
        expectHourly("aws_instance.web", "Instance usage (Linux/UNIX, on-demand, m5.large)", "1", "0.096");
        expect("aws_instance.web", "root_block_device: Storage (general purpose SSD, gp3)", "50", "0.08");
        expect("aws_instance.web", "root_block_device: Provisioned IOPS (above 3,000)", "1000", "0.005");
        expect("aws_instance.web", "root_block_device: Provisioned throughput (above 125 MiBps)", "0.0732421875", "40.96");
        expect("aws_instance.web", "ebs_block_device[/dev/sdf]: Storage (provisioned IOPS SSD, io2)", "100", "0.1251");
        expect("aws_instance.web", "ebs_block_device[/dev/sdf]: Provisioned IOPS (first 32,000)", "32000", "0.0651");
        expect("aws_instance.web", "ebs_block_device[/dev/sdf]: Provisioned IOPS (32,001 to 64,000)", "8000", "0.0455");

        STATE.managed("aws_instance", "dedicated", "aws", Map.of("id", "i-0ded", "instance_type", "m5.large", "tenancy", "dedicated",
                "region", "us-east-1"));
        expectHourly("aws_instance.dedicated", "Instance usage (Linux/UNIX, on-demand, m5.large)", "1", "0.106");
        expect("aws_instance.dedicated", "root_block_device: Storage (general purpose SSD, gp2)", "8", "0.10");

        STATE.managed("aws_instance", "unknown", "aws", Map.of("id", "i-0unk", "instance_type", "x9.huge", "region", "us-east-1"));

        STATE.managed("aws_ebs_volume", "st1", "aws", Map.of("id", "vol-st1", "type", "st1", "size", 500,
                "availability_zone", "us-east-1b"));
        expect("aws_ebs_volume.st1", "Storage (throughput optimized HDD, st1)", "500", "0.045");
        STATE.managed("aws_ebs_volume", "sc1", "aws", Map.of("id", "vol-sc1", "type", "sc1", "size", 1000,
                "availability_zone", "us-east-1b"));
        expect("aws_ebs_volume.sc1", "Storage (cold HDD, sc1)", "1000", "0.015");
        STATE.managed("aws_ebs_volume", "magnetic", "aws", Map.of("id", "vol-mag", "type", "standard", "size", 10,
                "availability_zone", "us-east-1b"));
        expect("aws_ebs_volume.magnetic", "Storage (magnetic)", "10", "0.05");
        expect("aws_ebs_volume.magnetic", "I/O requests", "0", "0.00000005");
        STATE.managed("aws_ebs_volume", "io1", "aws", Map.of("id", "vol-io1", "type", "io1", "size", 100, "iops", 1000,
                "availability_zone", "us-east-1b"));
        expect("aws_ebs_volume.io1", "Storage (provisioned IOPS SSD, io1)", "100", "0.125");
        expect("aws_ebs_volume.io1", "Provisioned IOPS", "1000", "0.065");
        STATE.managed("aws_ebs_volume", "gp2", "aws", Map.of("id", "vol-gp2", "type", "gp2", "size", 20,
                "availability_zone", "us-east-1b"));
        expect("aws_ebs_volume.gp2", "Storage (general purpose SSD, gp2)", "20", "0.10");
        STATE.managed("aws_ebs_volume", "gp3_baseline", "aws", Map.of("id", "vol-gp3", "type", "gp3", "size", 100, "iops", 3000,
                "throughput", 125, "availability_zone", "us-east-1b"));
        expect("aws_ebs_volume.gp3_baseline", "Storage (general purpose SSD, gp3)", "100", "0.08");

        // RDS
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.t3.medium", "databaseEngine", "PostgreSQL",
                "deploymentOption", "Single-AZ"), Price.reserved("Hrs", "0.045"), Price.onDemand("Hrs", "0.072"));
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.t3.medium", "databaseEngine", "PostgreSQL",
                "deploymentOption", "Multi-AZ"), "Hrs", "0.145");
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.t3.medium", "databaseEngine", "MySQL",
                "deploymentOption", "Single-AZ"), "Hrs", "0.068");
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.t3.medium", "databaseEngine", "MySQL",
                "deploymentOption", "Multi-AZ"), "Hrs", "0.136");
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.t3.medium", "databaseEngine", "SQL Server",
                "databaseEdition", "Express", "licenseModel", "License included", "deploymentOption", "Single-AZ"), "Hrs", "0.1");
        // RDS storage and IOPS are priced for engine "Any"; per-engine decoys and the gp3-IOPS product a PIOPS$ filter picks too
        BOOK.product("aws", r, "AmazonRDS", "Database Storage", Map.of("volumeType", "General Purpose-GP3", "deploymentOption",
                "Single-AZ", "databaseEngine", "Any", "usagetype", "RDS:GP3-Storage"), "GB-Mo", "0.115");
        BOOK.product("aws", r, "AmazonRDS", "Database Storage", Map.of("volumeType", "General Purpose-GP3", "deploymentOption",
                "Single-AZ", "databaseEngine", "SQL Server", "usagetype", "RDS:GP3-Storage-SQLServer"), "GB-Mo", "0.135");
        BOOK.product("aws", r, "AmazonRDS", "Database Storage", Map.of("volumeType", "General Purpose", "deploymentOption",
                "Single-AZ", "databaseEngine", "Any"), "GB-Mo", "0.1151");
        BOOK.product("aws", r, "AmazonRDS", "Database Storage", Map.of("volumeType", "General Purpose-GP3", "deploymentOption",
                "Multi-AZ", "databaseEngine", "Any", "usagetype", "RDS:Multi-AZ-GP3-Storage"), "GB-Mo", "0.23");
        BOOK.product("aws", r, "AmazonRDS", "Database Storage", Map.of("volumeType", "Provisioned IOPS", "deploymentOption",
                "Multi-AZ", "databaseEngine", "Any"), "GB-Mo", "0.25");
        BOOK.product("aws", r, "AmazonRDS", "Provisioned IOPS", Map.of("deploymentOption", "Multi-AZ", "usagetype",
                "RDS:Multi-AZ-PIOPS", "groupDescription", "RDS Provisioned IOPS", "databaseEngine", "Any"), "IOPS-Mo", "0.2");
        BOOK.product("aws", r, "AmazonRDS", "Provisioned IOPS", Map.of("deploymentOption", "Multi-AZ", "usagetype",
                "RDS:Multi-AZ-GP3-PIOPS", "groupDescription", "RDS Provisioned GP3 IOPS", "databaseEngine", "Any"), "IOPS-Mo", "0.04");
        BOOK.product("aws", r, "AmazonRDS", "Provisioned IOPS", Map.of("deploymentOption", "Single-AZ", "usagetype", "RDS:PIOPS",
                "groupDescription", "RDS Provisioned IOPS", "databaseEngine", "Any"), "IOPS-Mo", "0.1");
        BOOK.product("aws", r, "AmazonRDS", "Provisioned IOPS", Map.of("deploymentOption", "Single-AZ", "usagetype", "RDS:GP3-PIOPS",
                "groupDescription", "RDS Provisioned GP3 IOPS", "databaseEngine", "Any"), "IOPS-Mo", "0.02");
        // gp3 includes 3,000 IOPS under 400 GB: 5,000 are 2,000 above
        STATE.managed("aws_db_instance", "pg", "aws", Map.of("id", "db-pg", "arn", "arn:aws:rds:us-east-1:1:db:pg",
                "instance_class", "db.t3.medium", "engine", "postgres", "multi_az", false, "storage_type", "gp3",
                "allocated_storage", 100, "iops", 5000));
        expectHourly("aws_db_instance.pg", "Database instance (on-demand, Single-AZ, db.t3.medium)", "1", "0.072");
        expect("aws_db_instance.pg", "Storage (gp3)", "100", "0.115");
        expect("aws_db_instance.pg", "Provisioned GP3 IOPS (above 3,000)", "2000", "0.02");
        STATE.managed("aws_db_instance", "mysql", "aws", Map.of("id", "db-my", "arn", "arn:aws:rds:us-east-1:1:db:my",
                "instance_class", "db.t3.medium", "engine", "mysql", "multi_az", true, "storage_type", "io1",
                "allocated_storage", 200, "iops", 2000));
        expectHourly("aws_db_instance.mysql", "Database instance (on-demand, Multi-AZ, db.t3.medium)", "1", "0.136");
        expect("aws_db_instance.mysql", "Storage (io1)", "200", "0.25");
        expect("aws_db_instance.mysql", "Provisioned IOPS", "2000", "0.2");
        // Oracle: RDS Custom (deploymentModel Custom) is another product
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.m5.large", "databaseEngine", "Oracle",
                "databaseEdition", "Standard Two", "licenseModel", "License included", "deploymentOption", "Single-AZ"), "Hrs", "0.4");
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.m5.large", "databaseEngine", "Oracle",
                "databaseEdition", "Standard Two", "licenseModel", "License included", "deploymentOption", "Single-AZ",
                "deploymentModel", "Custom"), "Hrs", "0.9");
        STATE.managed("aws_db_instance", "oracle", "aws", Map.of("id", "db-or", "arn", "arn:aws:rds:us-east-1:1:db:or",
                "instance_class", "db.m5.large", "engine", "oracle-se2", "multi_az", false, "storage_type", "gp2",
                "allocated_storage", 50));
        expectHourly("aws_db_instance.oracle", "Database instance (on-demand, Single-AZ, db.m5.large)", "1", "0.4");
        expect("aws_db_instance.oracle", "Storage (gp2)", "50", "0.1151");

        // Networking, containers, caches
        BOOK.product("aws", r, "AmazonEC2", "NAT Gateway", Map.of("usagetype", "NatGateway-Hours"), "Hrs", "0.045");
        BOOK.product("aws", r, "AmazonEC2", "NAT Gateway", Map.of("usagetype", "NatGateway-Bytes"), "GB", "0.0451");
        BOOK.product("aws", "us-west-2", "AmazonEC2", "NAT Gateway", Map.of("usagetype", "USW2-NatGateway-Hours"), "Hrs", "0.0452");
        STATE.managed("aws_nat_gateway", "main", "aws", Map.of("id", "nat-0abc", "region", "us-east-1"));
        expectHourly("aws_nat_gateway.main", "NAT gateway", "1", "0.045");
        expect("aws_nat_gateway.main", "Data processed", "0", "0.0451");

        // Load balancers in the AWS Region; Local Zone (-TS-) and Outposts rows are decoys
        Map<String, String> region = Map.of("locationType", "AWS Region");
        BOOK.product("aws", r, "AWSELB", "Load Balancer-Application", with(region, "usagetype", "LoadBalancerUsage"), "Hrs", "0.0225");
        BOOK.product("aws", r, "AWSELB", "Load Balancer-Application", with(region, "usagetype", "USE1-TS-LoadBalancerUsage"), "Hrs",
                "0.027");
        BOOK.product("aws", r, "AWSELB", "Load Balancer-Application", Map.of("locationType", "AWS Outposts", "usagetype",
                "LoadBalancerUsage"), "Hrs", "0.03");
        BOOK.product("aws", r, "AWSELB", "Load Balancer-Application", with(region, "usagetype", "LCUUsage"), "LCU-Hrs", "0.008");
        BOOK.product("aws", r, "AWSELB", "Load Balancer-Application", with(region, "usagetype", "USE1-TS-LCUUsage"), "LCU-Hrs",
                "0.0096");
        BOOK.product("aws", r, "AWSELB", "Load Balancer-Network", with(region, "usagetype", "LoadBalancerUsage"), "Hrs", "0.0226");
        BOOK.product("aws", r, "AWSELB", "Load Balancer-Network", with(region, "usagetype", "LCUUsage"), "NLCU-Hrs", "0.006");
        BOOK.product("aws", r, "AWSELB", "Load Balancer-Gateway", with(region, "usagetype", "LoadBalancerUsage"), "Hrs", "0.0125");
        STATE.managed("aws_lb", "app", "aws", Map.of("id", "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a/1",
                "arn", "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a/1", "load_balancer_type", "application"));
        expectHourly("aws_lb.app", "Application load balancer", "1", "0.0225");
        expect("aws_lb.app", "Load balancer capacity units", "0", "0.008");
        STATE.managed("aws_lb", "net", "aws", Map.of("id", "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/n/1",
                "arn", "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/n/1", "load_balancer_type", "network"));
        expectHourly("aws_lb.net", "Network load balancer", "1", "0.0226");
        expect("aws_lb.net", "Load balancer capacity units", "0", "0.006");
        STATE.managed("aws_alb", "legacy", "aws", Map.of("id", "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/l/1",
                "arn", "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/l/1"));
        expectHourly("aws_alb.legacy", "Application load balancer", "1", "0.0225");
        expect("aws_alb.legacy", "Load balancer capacity units", "0", "0.008");

        BOOK.product("aws", r, "AmazonEKS", "Compute", Map.of("usagetype", "USE1-AmazonEKS-Hours:perCluster"), "Hrs", "0.10");
        BOOK.product("aws", r, "AmazonEKS", "Compute", Map.of("usagetype", "USE1-AmazonEKS-Hours:extendedSupport"), "Hrs", "0.60");
        STATE.managed("aws_eks_cluster", "main", "aws", Map.of("id", "main", "arn", "arn:aws:eks:us-east-1:1:cluster/main"));
        expectHourly("aws_eks_cluster.main", "EKS cluster", "1", "0.10");
        STATE.managed("aws_eks_node_group", "workers", "aws", Map.of("id", "main:workers",
                "arn", "arn:aws:eks:us-east-1:1:nodegroup/main/workers/1", "instance_types", List.of("t3.large"),
                "scaling_config", List.of(Map.of("desired_size", 3, "min_size", 1, "max_size", 5)), "disk_size", 50,
                "launch_template", List.of()));
        expectHourly("aws_eks_node_group.workers", "Instance usage (Linux/UNIX, on-demand, t3.large)", "3", "0.0832");
        expect("aws_eks_node_group.workers", "Node disk: Storage (general purpose SSD, gp2)", "150", "0.10");
        STATE.managed("aws_eks_node_group", "cheap", "aws", Map.of("id", "main:cheap",
                "arn", "arn:aws:eks:us-east-1:1:nodegroup/main/cheap/1", "instance_types", List.of("t3.large"), "capacity_type", "SPOT",
                "scaling_config", List.of(Map.of("desired_size", 2, "min_size", 0, "max_size", 5)), "disk_size", 20,
                "launch_template", List.of()));
        expectHourly("aws_eks_node_group.cheap", "Instance usage (Linux/UNIX, spot, t3.large)", "2", "0.0301");
        // a node group that names no instance type launches from a template of the state: its type, its disks
        STATE.managed("aws_launch_template", "workers", "aws", Map.of("id", "lt-0abc", "name", "workers", "instance_type",
                "m5.xlarge", "arn", "arn:aws:ec2:us-east-1:1:launch-template/lt-0abc"));
        STATE.managed("aws_eks_node_group", "templated", "aws", Map.of("id", "main:templated",
                "arn", "arn:aws:eks:us-east-1:1:nodegroup/main/templated/1", "instance_types", List.of(),
                "scaling_config", List.of(Map.of("desired_size", 2, "min_size", 1, "max_size", 4)),
                "launch_template", List.of(Map.of("id", "lt-0abc", "name", "workers", "version", "1"))));
        expectHourly("aws_eks_node_group.templated", "Instance usage (Linux/UNIX, on-demand, m5.xlarge)", "2", "0.192");
        expect("aws_eks_node_group.cheap", "Node disk: Storage (general purpose SSD, gp2)", "40", "0.10");

        Map<String, String> current = Map.of("locationType", "AWS Region", "currentGeneration", "Yes");
        BOOK.product("aws", r, "AmazonElastiCache", "Cache Instance", with(with(current, "instanceType", "cache.t3.micro"),
                "cacheEngine", "Redis"), Price.reserved("Hrs", "0.011"), Price.onDemand("Hrs", "0.017"));
        BOOK.product("aws", r, "AmazonElastiCache", "Cache Instance", Map.of("instanceType", "cache.t3.micro", "cacheEngine", "Redis",
                "locationType", "AWS Local Zone", "currentGeneration", "Yes"), "Hrs", "0.02");
        BOOK.product("aws", r, "AmazonElastiCache", "Cache Instance", with(with(current, "instanceType", "cache.t3.micro"),
                "cacheEngine", "Memcached"), "Hrs", "0.0171");
        STATE.managed("aws_elasticache_cluster", "cache", "aws", Map.of("id", "cache", "arn",
                "arn:aws:elasticache:us-east-1:1:cluster:cache", "node_type", "cache.t3.micro", "engine", "redis", "num_cache_nodes", 2));
        expectHourly("aws_elasticache_cluster.cache", "ElastiCache (on-demand, cache.t3.micro)", "2", "0.017");
        // A replication group of 2 shards with 1 replica each: 4 nodes, priced once, by the group (not by its member clusters)
        STATE.managed("aws_elasticache_replication_group", "sessions", "aws", Map.of("id", "sessions", "arn",
                "arn:aws:elasticache:us-east-1:1:replicationgroup:sessions", "node_type", "cache.t3.micro", "engine", "redis",
                "num_node_groups", 2, "replicas_per_node_group", 1));
        expectHourly("aws_elasticache_replication_group.sessions", "ElastiCache (on-demand, cache.t3.micro)", "4", "0.017");
        STATE.managed("aws_elasticache_cluster", "member", "aws", Map.of("id", "sessions-001", "arn",
                "arn:aws:elasticache:us-east-1:1:cluster:sessions-001", "node_type", "cache.t3.micro", "engine", "redis",
                "num_cache_nodes", 1, "replication_group_id", "sessions"));

        BOOK.product("aws", r, "AmazonVPC", "VPC Public IPv4 Address", Map.of("usagetype", "USE1-PublicIPv4:InUseAddress"), "Hrs",
                "0.005");
        BOOK.product("aws", r, "AmazonEC2", "IP Address", Map.of("usagetype", "ElasticIP:IdleAddress"),
                Price.onDemand("Hrs", "0").to("1"), Price.onDemand("Hrs", "0.0051").from("1"));
        STATE.managed("aws_eip", "nat", "aws", Map.of("id", "eipalloc-1", "association_id", "eipassoc-1", "region", "us-east-1"));
        expectHourly("aws_eip.nat", "Public IPv4 address (in use)", "1", "0.005");
        STATE.managed("aws_eip", "spare", "aws", Map.of("id", "eipalloc-2", "association_id", "", "region", "us-east-1"));
        expectHourly("aws_eip.spare", "Public IPv4 address (idle)", "1", "0.0051");

        // Usage-priced types: shown with their prices, at a quantity of 0.
        BOOK.product("aws", r, "AmazonS3", "Storage", Map.of("storageClass", "General Purpose", "volumeType", "Standard"), "GB-Mo",
                "0.023");
        BOOK.product("aws", r, "AmazonS3", "Storage", Map.of("storageClass", "Infrequent Access", "volumeType", "Standard - Infrequent Access"),
                "GB-Mo", "0.0125");
        BOOK.product("aws", r, "AmazonS3", "API Request", Map.of("group", "S3-API-Tier1"), "Requests", "0.000005");
        BOOK.product("aws", r, "AmazonS3", "API Request", Map.of("group", "S3-API-Tier2"), "Requests", "0.0000004");
        // the other storage classes, priced when usage names them (EstimatesTest gives every one a quantity); decoys:
        // early-delete and staging rows, and Glacier's own row under another service
        S3_CLASSES.forEach((name, price) -> BOOK.product("aws", r, price.service(), "Storage", name.startsWith("Intelligent")
                ? Map.of("usagetype", price.usageType(), "storageClass", "Intelligent-Tiering") : Map.of("usagetype", price.usageType()),
                "GB-Mo", price.usd()));
        BOOK.product("aws", r, "AmazonS3GlacierDeepArchive", "Storage", Map.of("usagetype", "TimedStorage-GDA-Staging"), "GB-Mo", "0.023");
        BOOK.product("aws", r, "AmazonS3", "Storage", Map.of("usagetype", "EarlyDelete-SIA"), "GB-Mo", "0.0125");
        BOOK.product("aws", r, "AmazonS3", "Storage", Map.of("usagetype", "TimedStorage-GlacierByteHrs"), "GB-Mo", "0.0036");
        STATE.managed("aws_s3_bucket", "logs", "aws", Map.of("id", "logs", "arn", "arn:aws:s3:::logs", "region", "us-east-1"));
        expect("aws_s3_bucket.logs", "Standard storage", "0", "0.023");
        expect("aws_s3_bucket.logs", "PUT, COPY, POST, LIST requests", "0", "0.000005");
        expect("aws_s3_bucket.logs", "GET, SELECT, and all other requests", "0", "0.0000004");
        BOOK.product("aws", r, "AWSLambda", "Serverless", Map.of("group", "AWS-Lambda-Requests"), "Requests", "0.0000002");
        BOOK.product("aws", r, "AWSLambda", "Serverless", Map.of("group", "AWS-Lambda-Duration"), "Lambda-GB-Second", "0.0000166667");
        STATE.managed("aws_lambda_function", "fn", "aws", Map.of("id", "fn", "arn", "arn:aws:lambda:us-east-1:1:function:fn"));
        expect("aws_lambda_function.fn", "Requests", "0", "0.0000002");
        expect("aws_lambda_function.fn", "Duration", "0", "0.0000166667");
        BOOK.product("aws", r, "AWSQueueService", "API Request", Map.of("queueType", "Standard"), "Requests", "0.0000004");
        BOOK.product("aws", r, "AWSQueueService", "API Request", Map.of("queueType", "FIFO (first-in, first-out)"), "Requests",
                "0.0000005");
        STATE.managed("aws_sqs_queue", "jobs", "aws", Map.of("id", "https://sqs.us-east-1.amazonaws.com/1/jobs",
                "arn", "arn:aws:sqs:us-east-1:1:jobs", "fifo_queue", false));
        expect("aws_sqs_queue.jobs", "Requests", "0", "0.0000004");

        STATE.managed("aws_security_group", "web", "aws", Map.of("id", "sg-1", "region", "us-east-1"));
        STATE.managed("aws_iam_role", "app", "aws", Map.of("id", "app", "arn", "arn:aws:iam::1:role/app"));
        STATE.managed("aws_vpc", "main", "aws", Map.of("id", "vpc-1", "region", "us-east-1"));
        // CloudFront: kept without a region; the European edge's prices and the next tier are decoys
        BOOK.product("aws", "", "AmazonCloudFront", "Data Transfer", Map.of("transferType", "CloudFront Outbound", "fromLocation",
                "United States"), Price.onDemand("GB", "0.085").to("10240"), Price.onDemand("GB", "0.080").from("10240").to("51200"));
        BOOK.product("aws", "", "AmazonCloudFront", "Data Transfer", Map.of("transferType", "CloudFront Outbound", "fromLocation",
                "Europe"), "GB", "0.0851");
        BOOK.product("aws", "", "AmazonCloudFront", "Data Transfer", Map.of("transferType", "CloudFront to Origin", "fromLocation",
                "United States"), "GB", "0.02");
        BOOK.product("aws", "", "AmazonCloudFront", "Request", Map.of("location", "United States", "requestType",
                "CloudFront-Request-HTTP-Proxy"), "Requests", "0.00000075");
        BOOK.product("aws", "", "AmazonCloudFront", "Request", Map.of("location", "United States", "requestType",
                "CloudFront-Request-HTTPS-Proxy"), "Requests", "0.000001");
        BOOK.product("aws", "", "AmazonCloudFront", "Request", Map.of("location", "Europe", "requestType",
                "CloudFront-Request-HTTPS-Proxy"), "Requests", "0.0000012");
        STATE.managed("aws_cloudfront_distribution", "cdn", "aws", Map.of("id", "E1", "arn", "arn:aws:cloudfront::1:distribution/E1"));
        expect("aws_cloudfront_distribution.cdn", "US, Mexico, Canada: Data transfer out to internet (first 10TB)", "0", "0.085");
        expect("aws_cloudfront_distribution.cdn", "US, Mexico, Canada: Data transfer out to origin", "0", "0.02");
        expect("aws_cloudfront_distribution.cdn", "US, Mexico, Canada: HTTP requests", "0", "0.00000075");
        expect("aws_cloudfront_distribution.cdn", "US, Mexico, Canada: HTTPS requests", "0", "0.000001");
        STATE.managed("aws_cognito_user_pool", "users", "aws", Map.of("id", "us-east-1_abc", "arn",
                "arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_abc"));
        STATE.managed("aws_appsync_graphql_api", "graph", "aws", Map.of("id", "g-1", "arn", "arn:aws:appsync:us-east-1:1:apis/g-1"));
        STATE.managed("random_id", "suffix", "random", Map.of("id", "abc", "hex", "69b7"));
        services(r);
    }

    /** Flat fees and usage: secrets, KMS keys, log groups, registries; and Aurora instances. */
    private static void services(String r) {
        BOOK.product("aws", r, "AWSSecretsManager", "Secret", Map.of("usagetype", "AWSSecretsManager-Secrets"), "Secrets", "0.40");
        BOOK.product("aws", r, "AWSSecretsManager", "API Request", Map.of("usagetype", "AWSSecretsManager-APIRequest"), "API Requests",
                "0.000005");
        BOOK.product("aws", "us-west-2", "AWSSecretsManager", "Secret", Map.of("usagetype", "USW2-AWSSecretsManager-Secrets"), "Secrets",
                "0.41");
        STATE.managed("aws_secretsmanager_secret", "db", "aws", Map.of("id", "arn:aws:secretsmanager:us-east-1:1:secret:db",
                "arn", "arn:aws:secretsmanager:us-east-1:1:secret:db"));
        expect("aws_secretsmanager_secret.db", "Secret", "1", "0.40");
        expect("aws_secretsmanager_secret.db", "API requests", "0", "0.000005");

        BOOK.product("aws", r, "awskms", "Encryption Key", Map.of("usagetype", "KMS-Keys"), "Keys", "1.00");
        BOOK.product("aws", r, "awskms", "Encryption Key", Map.of("usagetype", "KMS-Keys-Asymmetric"), "Keys", "1.00");
        STATE.managed("aws_kms_key", "main", "aws", Map.of("id", "k-1", "arn", "arn:aws:kms:us-east-1:1:key/k-1"));
        expect("aws_kms_key.main", "Customer master key", "1", "1.00");

        BOOK.product("aws", r, "AmazonCloudWatch", "Data Payload", Map.of("usagetype", "USE1-DataProcessing-Bytes"), "GB", "0.50");
        BOOK.product("aws", r, "AmazonCloudWatch", "Data Payload", Map.of("usagetype", "USE1-VendedLog-Bytes"), "GB", "0.25");
        BOOK.product("aws", r, "AmazonCloudWatch", "Storage Snapshot", Map.of("usagetype", "USE1-TimedStorage-ByteHrs"), "GB-Mo", "0.03");
        STATE.managed("aws_cloudwatch_log_group", "app", "aws", Map.of("id", "/app", "arn", "arn:aws:logs:us-east-1:1:log-group:/app"));
        expect("aws_cloudwatch_log_group.app", "Data ingested", "0", "0.50");
        expect("aws_cloudwatch_log_group.app", "Archival storage", "0", "0.03");

        BOOK.product("aws", r, "AmazonECR", "EC2 Container Registry", Map.of("usagetype", "USE1-TimedStorage-ByteHrs"), "GB-Mo", "0.10");
        BOOK.product("aws", r, "AmazonECR", "EC2 Container Registry", Map.of("usagetype", "USE1-TimedStorage-ByteHrs-Replicated"),
                "GB-Mo", "0.11");
        STATE.managed("aws_ecr_repository", "images", "aws", Map.of("id", "images", "arn", "arn:aws:ecr:us-east-1:1:repository/images"));
        expect("aws_ecr_repository.images", "Storage", "0", "0.10");

        BOOK.product("aws", r, "AmazonSNS", "API Request", Map.of("usagetype", "USE1-Requests-Tier1"),
                Price.onDemand("Requests", "0").to("1000000"), Price.onDemand("Requests", "0.0000005").from("1000000"));
        STATE.managed("aws_sns_topic", "alerts", "aws", Map.of("id", "arn:aws:sns:us-east-1:1:alerts", "arn",
                "arn:aws:sns:us-east-1:1:alerts"));
        expect("aws_sns_topic.alerts", "API requests (over 1M)", "0", "0.0000005");

        BOOK.product("aws", r, "AmazonEFS", "Storage", Map.of("usagetype", "USE1-TimedStorage-ByteHrs", "storageClass", "General Purpose"),
                "GB-Mo", "0.30");
        BOOK.product("aws", r, "AmazonEFS", "Storage", Map.of("usagetype", "USE1-IATimedStorage-ByteHrs", "storageClass",
                "Infrequent Access"), "GB-Mo", "0.025");
        STATE.managed("aws_efs_file_system", "shared", "aws", Map.of("id", "fs-1", "arn",
                "arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-1"));
        expect("aws_efs_file_system.shared", "Storage (standard)", "0", "0.30");

        // Aurora: the standard instance usage type; the I/O-optimized one and RDS' own engine are decoys
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.r6g.large", "databaseEngine",
                "Aurora PostgreSQL", "usagetype", "InstanceUsage:db.r6g.large"), Price.reserved("Hrs", "0.17"), Price.onDemand("Hrs", "0.26"));
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.r6g.large", "databaseEngine",
                "Aurora PostgreSQL", "usagetype", "InstanceUsageIOOptimized:db.r6g.large"), "Hrs", "0.338");
        BOOK.product("aws", r, "AmazonRDS", "Database Instance", Map.of("instanceType", "db.r6g.large", "databaseEngine",
                "PostgreSQL", "deploymentOption", "Single-AZ", "usagetype", "InstanceUsage:db.r6g.large"), "Hrs", "0.225");
        STATE.managed("aws_rds_cluster_instance", "writer", "aws", Map.of("id", "writer", "arn", "arn:aws:rds:us-east-1:1:db:writer",
                "instance_class", "db.r6g.large", "engine", "aurora-postgresql"));
        expectHourly("aws_rds_cluster_instance.writer", "Database instance (on-demand, db.r6g.large)", "1", "0.26");
    }
}
