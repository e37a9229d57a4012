package com.stategraph.billing.support;

import com.stategraph.billing.support.PriceBooks.Price;
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
            "aws_elasticache_cluster.member");
    public static final List<String> UNSUPPORTED = List.of("aws_cloudfront_distribution.cdn", "aws_kms_key.main");
    public static final String UNPRICED = "aws_instance.unknown";

    static {
        aws();
        google();
        azure();
        STATE.resource("data", null, "aws_ami", "ubuntu", "aws", TerraformStates.Instance.of(null, Map.of("id", "ami-123")));
    }

    private EstimateFixture() {
    }

    private static void expect(String address, String component, String quantity, String price) {
        EXPECTED.add(new Expected(address, component, new BigDecimal(quantity), new BigDecimal(price)));
    }

    private static void expectHourly(String address, String component, String perHour, String price) {
        EXPECTED.add(new Expected(address, component, new BigDecimal(perHour).multiply(HOURS), new BigDecimal(price)));
    }

    private static Map<String, String> with(Map<String, String> attributes, String key, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(attributes);
        all.put(key, value);
        return all;
    }

    private static Map<String, String> ec2(String type, String tenancy, String os, String sw, String capacity) {
        return Map.of("instanceType", type, "tenancy", tenancy, "operatingSystem", os, "preInstalledSw", sw,
                "licenseModel", "No License required", "capacitystatus", capacity);
    }

    private static void aws() {
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
        STATE.managed("aws_cloudfront_distribution", "cdn", "aws", Map.of("id", "E1", "arn", "arn:aws:cloudfront::1:distribution/E1"));
        STATE.managed("aws_kms_key", "main", "aws", Map.of("id", "k-1", "arn", "arn:aws:kms:us-east-1:1:key/k-1"));
        STATE.managed("random_id", "suffix", "random", Map.of("id", "abc", "hex", "69b7"));
    }

    /** A Google catalog product as the dump holds it: priced {@code OnDemand}, with an {@code on_demand} decoy a careless filter picks. */
    private static void catalog(String region, String service, String family, Map<String, String> attributes, String unit, String usd) {
        BOOK.product("gcp", region, service, family, attributes, Price.of("OnDemand", unit, usd),
                Price.of("on_demand", unit, new BigDecimal(usd).multiply(BigDecimal.valueOf(3)).toPlainString()));
    }

    private static void google() {
        String r = "us-central1";
        // Machine types are the dump's generated rows: on_demand and preemptible.
        BOOK.product("gcp", r, "Compute Engine", "Compute Instance", Map.of("machineType", "e2-standard-2"),
                Price.of("preemptible", "h", "0.020102"), Price.onDemand("h", "0.067006"));
        BOOK.product("gcp", r, "Compute Engine", "Compute Instance", Map.of("machineType", "e2-standard-4"), "h", "0.134012");
        BOOK.product("gcp", "us-east1", "Compute Engine", "Compute Instance", Map.of("machineType", "e2-standard-2"), "h", "0.067007");
        BOOK.product("gcp", r, "Compute Engine", "Compute Instance", Map.of("machineType", "e2-medium"),
                Price.of("preemptible", "h", "0.010051"), Price.onDemand("h", "0.033503"));
        catalog(r, "Compute Engine", "Storage", Map.of("description", "Balanced PD Capacity in Iowa"), "GiBy.mo", "0.1");
        catalog(r, "Compute Engine", "Storage", Map.of("description", "Regional Balanced PD Capacity in Iowa"), "GiBy.mo", "0.2");
        catalog(r, "Compute Engine", "Storage", Map.of("description", "Storage PD Capacity in Iowa"), "GiBy.mo", "0.04");
        catalog(r, "Compute Engine", "Storage", Map.of("description", "SSD backed PD Capacity in Iowa"), "GiBy.mo", "0.17");
        catalog(r, "Compute Engine", "Storage", Map.of("description", "Regional SSD backed PD Capacity in Iowa"), "GiBy.mo", "0.34");
        STATE.managed("google_compute_instance", "vm", "google", Map.of("id", "projects/p/zones/us-central1-a/instances/vm",
                "self_link", "https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/instances/vm",
                "machine_type", "e2-standard-2", "zone", "us-central1-a",
                "boot_disk", List.of(Map.of("initialize_params", List.of(Map.of("size", 20, "type", "pd-balanced")))),
                "scheduling", List.of(Map.of("provisioning_model", "STANDARD", "preemptible", false)),
                "labels", Map.of("team", "data")));
        expectHourly("google_compute_instance.vm", "Instance usage (Linux/UNIX, on-demand, e2-standard-2)", "1", "0.067006");
        expect("google_compute_instance.vm", "Boot disk: Provisioned storage (pd-balanced)", "20", "0.1");
        STATE.managed("google_compute_instance", "spot", "google", Map.of("id", "projects/p/zones/us-central1-b/instances/spot",
                "machine_type", "e2-standard-2", "zone", "us-central1-b",
                "scheduling", List.of(Map.of("provisioning_model", "SPOT", "preemptible", true))));
        expectHourly("google_compute_instance.spot", "Instance usage (Linux/UNIX, spot, e2-standard-2)", "1", "0.020102");
        expect("google_compute_instance.spot", "Boot disk: Provisioned storage (pd-standard)", "10", "0.04");
        STATE.managed("google_compute_disk", "data", "google", Map.of("id", "projects/p/zones/us-central1-a/disks/data",
                "type", "pd-ssd", "size", 100, "zone", "us-central1-a"));
        expect("google_compute_disk.data", "Provisioned storage (pd-ssd)", "100", "0.17");

        // Cloud SQL as the dump holds it: vCPU and RAM by description; storage in resource group SSD ("Standard storage") or
        // PDStandard ("Low cost storage"); shared-core tiers in their own groups, next to the Extended-support decoys.
        String pg = "Cloud SQL for PostgreSQL: ";
        String family = "ApplicationServices";
        catalog(r, "Cloud SQL", family, Map.of("description", pg + "Regional - vCPU in Americas"), "h", "0.0826");
        catalog(r, "Cloud SQL", family, Map.of("description", pg + "Regional - RAM in Americas"), "GiBy.h", "0.014");
        catalog(r, "Cloud SQL", family, Map.of("description", pg + "Zonal - vCPU in Americas"), "h", "0.0413");
        catalog(r, "Cloud SQL", family, Map.of("description", pg + "Zonal - RAM in Americas"), "GiBy.h", "0.007");
        catalog(r, "Cloud SQL", family, Map.of("description", pg + "Regional - Standard storage in Americas", "resourceGroup", "SSD"),
                "GiBy.mo", "0.34");
        catalog(r, "Cloud SQL", family, Map.of("description", pg + "Zonal - Standard storage in Americas", "resourceGroup", "SSD"),
                "GiBy.mo", "0.17");
        catalog(r, "Cloud SQL", family, Map.of("description", "Cloud SQL for MySQL: Regional - vCPU in Americas"), "h", "0.0827");
        catalog(r, "Cloud SQL", family, Map.of("description", "Cloud SQL for MySQL: Zonal - Micro instance in Americas",
                "resourceGroup", "SQLGen2InstancesF1Micro"), "h", "0.0105");
        catalog(r, "Cloud SQL", family, Map.of("description", "Cloud SQL for MySQL: Zonal - Extended Support - Micro instance in Americas",
                "resourceGroup", "SQLGen2InstancesF1Micro"), "h", "0.0205");
        catalog(r, "Cloud SQL", family, Map.of("description", "Cloud SQL for MySQL: Zonal - Small instance in Americas",
                "resourceGroup", "SQLGen2InstancesG1Small"), "h", "0.035");
        catalog(r, "Cloud SQL", family, Map.of("description", "Cloud SQL for MySQL: Zonal - Standard storage in Americas",
                "resourceGroup", "SSD"), "GiBy.mo", "0.17");
        catalog(r, "Cloud SQL", family, Map.of("description", "Cloud SQL for MySQL: Zonal - Low cost storage in Americas",
                "resourceGroup", "PDStandard"), "GiBy.mo", "0.09");
        catalog("global", "Cloud SQL", family, Map.of("description", "Cloud SQL: IP address idling - hour", "resourceGroup", "IpAddress"),
                "h", "0.01");
        STATE.managed("google_sql_database_instance", "db", "google", Map.of("id", "db", "region", r, "database_version", "POSTGRES_15",
                "settings", List.of(Map.of("tier", "db-custom-2-7680", "availability_type", "REGIONAL", "disk_type", "PD_SSD",
                        "disk_size", 50))));
        expectHourly("google_sql_database_instance.db", "vCPUs (regional)", "2", "0.0826");
        expectHourly("google_sql_database_instance.db", "Memory (regional)", "7.5", "0.014");
        expect("google_sql_database_instance.db", "Storage (SSD, regional)", "50", "0.34");
        expectHourly("google_sql_database_instance.db", "IP address (if unused)", "1", "0.01");
        STATE.managed("google_sql_database_instance", "micro", "google", Map.of("id", "micro", "region", r,
                "database_version", "MYSQL_8_0", "settings", List.of(Map.of("tier", "db-f1-micro", "availability_type", "ZONAL",
                        "disk_type", "PD_HDD", "disk_size", 10, "ip_configuration", List.of(Map.of("ipv4_enabled", false))))));
        expectHourly("google_sql_database_instance.micro", "SQL instance (db-f1-micro, zonal)", "1", "0.0105");
        expect("google_sql_database_instance.micro", "Storage (HDD, zonal)", "10", "0.09");
        // db-standard-N: 3,840 MB a vCPU, priced by its parts
        STATE.managed("google_sql_database_instance", "std", "google", Map.of("id", "std", "region", r, "database_version", "POSTGRES_16",
                "settings", List.of(Map.of("tier", "db-standard-2", "availability_type", "ZONAL", "disk_size", 20))));
        expectHourly("google_sql_database_instance.std", "vCPUs (zonal)", "2", "0.0413");
        expectHourly("google_sql_database_instance.std", "Memory (zonal)", "7.5", "0.007");
        expect("google_sql_database_instance.std", "Storage (SSD, zonal)", "20", "0.17");
        expectHourly("google_sql_database_instance.std", "IP address (if unused)", "1", "0.01");

        // The GKE management fee is priced in region global; a regional product is a decoy.
        catalog("global", "Kubernetes Engine", "Compute", Map.of("description", "Regional Kubernetes Clusters"), "h", "0.1");
        catalog("global", "Kubernetes Engine", "Compute", Map.of("description", "Zonal Kubernetes Clusters"), "h", "0.1001");
        catalog("global", "Kubernetes Engine", "Compute", Map.of("description", "Autopilot Kubernetes Clusters"), "h", "0.1002");
        catalog(r, "Kubernetes Engine", "Compute", Map.of("description", "Regional Kubernetes Clusters"), "h", "0.9");
        STATE.managed("google_container_cluster", "regional", "google", Map.of("id", "projects/p/locations/us-central1/clusters/r",
                "location", r, "remove_default_node_pool", true));
        expectHourly("google_container_cluster.regional", "Cluster management fee", "1", "0.1");
        STATE.managed("google_container_cluster", "zonal", "google", Map.of("id", "projects/p/locations/us-central1-a/clusters/z",
                "location", "us-central1-a", "initial_node_count", 2, "remove_default_node_pool", false,
                "node_config", List.of(Map.of("machine_type", "e2-medium", "disk_size_gb", 50, "disk_type", "pd-standard"))));
        expectHourly("google_container_cluster.zonal", "Cluster management fee", "1", "0.1001");
        expectHourly("google_container_cluster.zonal", "Default node pool: Instance usage (Linux/UNIX, on-demand, e2-medium)", "2",
                "0.033503");
        expect("google_container_cluster.zonal", "Default node pool: Provisioned storage (pd-standard)", "100", "0.04");
        // Inline node pools, each with its own count (x the cluster's 2 zones) and machine; a spot pool at the preemptible price.
        STATE.managed("google_container_cluster", "pools", "google", Map.of("id", "projects/p/locations/us-central1/clusters/pools",
                "location", r, "node_locations", List.of("us-central1-a", "us-central1-b"),
                "node_pool", List.of(
                        Map.of("name", "default-pool", "node_count", 1,
                                "node_config", List.of(Map.of("machine_type", "e2-standard-2", "disk_size_gb", 30))),
                        Map.of("name", "batch", "node_count", 3,
                                "node_config", List.of(Map.of("machine_type", "e2-medium", "spot", true, "disk_type", "pd-balanced",
                                        "disk_size_gb", 20))))));
        expectHourly("google_container_cluster.pools", "Cluster management fee", "1", "0.1");
        expectHourly("google_container_cluster.pools", "Default node pool: Instance usage (Linux/UNIX, on-demand, e2-standard-2)", "2",
                "0.067006");
        expect("google_container_cluster.pools", "Default node pool: Provisioned storage (pd-standard)", "60", "0.04");
        expectHourly("google_container_cluster.pools", "Node pool batch: Instance usage (Linux/UNIX, spot, e2-medium)", "6", "0.010051");
        expect("google_container_cluster.pools", "Node pool batch: Provisioned storage (pd-balanced)", "120", "0.1");

        catalog("us", "Cloud Storage", "Storage", Map.of("description", "Standard Storage US Multi-region"), "GiBy.mo", "0.026");
        catalog("us", "Cloud Storage", "Storage", Map.of("description", "Nearline Storage US Multi-region"), "GiBy.mo", "0.015");
        STATE.managed("google_storage_bucket", "assets", "google", Map.of("id", "assets", "location", "US", "storage_class", "STANDARD"));
        expect("google_storage_bucket.assets", "Storage (STANDARD)", "0", "0.026");

        // Pub/Sub and Functions are priced globally from their paid tier: the first tier is free.
        BOOK.product("gcp", "global", "Cloud Pub/Sub", "ApplicationServices", Map.of("description", "Message Delivery Basic"),
                Price.of("OnDemand", "TiBy", "0").to("0.009765625"), Price.of("OnDemand", "TiBy", "40").from("0.009765625").to(""));
        BOOK.product("gcp", r, "Cloud Pub/Sub", "ApplicationServices", Map.of("description", "Message Delivery Basic"), Price.of("OnDemand",
                "TiBy", "45"));
        STATE.managed("google_pubsub_topic", "events", "google", Map.of("id", "projects/p/topics/events", "name", "events"));
        expect("google_pubsub_topic.events", "Message delivery data", "0", "40");
        BOOK.product("gcp", "global", "Cloud Run Functions", "ApplicationServices", Map.of("description", "CPU (1st Gen) Invocations"),
                Price.of("OnDemand", "count", "0").to("2000000"), Price.of("OnDemand", "count", "0.0000004").from("2000000").to(""));
        STATE.managed("google_cloudfunctions_function", "hook", "google", Map.of("id", "projects/p/locations/us-central1/functions/hook",
                "region", r));
        expect("google_cloudfunctions_function.hook", "Invocations", "0", "0.0000004");
    }

    private static Map<String, String> vm(String sku, String product, String meter) {
        return Map.of("armSkuName", sku, "productName", product, "meterName", meter, "skuName", sku.replace("Standard_", ""));
    }

    private static void azure() {
        String r = "eastus";
        String linux = "Virtual Machines DSv3 Series";
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3"),
                Price.of("Reservation", "1 Hour", "0.06"), Price.of("DevTestConsumption", "1 Hour", "0.0959"),
                Price.of("Consumption", "1 Hour", "0.096"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux + " Windows", "D2s v3"),
                Price.of("Consumption", "1 Hour", "0.188"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3 Spot"),
                Price.of("Consumption", "1 Hour", "0.0192"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3 Low Priority"),
                Price.of("Consumption", "1 Hour", "0.0193"));
        // meters no longer billed and free offers sit beside the real one in the retail prices
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3 Expired"),
                Price.of("Consumption", "1 Hour", "0.11"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_B1s", "Virtual Machines BS Series", "B1s"),
                Price.of("Consumption", "1 Hour", "0.0104"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_B1s", "Virtual Machines BS Series", "B1s Free"),
                Price.of("Consumption", "1 Hour", "0"));
        BOOK.product("azure", r, "Virtual Machines", "Compute", vm("Standard_D2_v3", "Virtual Machines Dv3 Series", "D2 v3"),
                Price.of("Consumption", "1 Hour", "0.096"));
        BOOK.product("azure", "westus", "Virtual Machines", "Compute", vm("Standard_D2s_v3", linux, "D2s v3"),
                Price.of("Consumption", "1 Hour", "0.0961"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium SSD Managed Disks", "skuName", "P10 LRS",
                "meterName", "P10 LRS Disk"), Price.of("Consumption", "1/Month", "19.71"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium SSD Managed Disks", "skuName", "P10 LRS",
                "meterName", "P10 LRS Disk Mount"), Price.of("Consumption", "1/Month", "1.9"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium SSD Managed Disks", "skuName", "P10 ZRS",
                "meterName", "P10 ZRS Disk"), Price.of("Consumption", "1/Month", "29.57"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium SSD Managed Disks", "skuName", "P15 LRS",
                "meterName", "P15 LRS Disk"), Price.of("Consumption", "1/Month", "38.01"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Standard HDD Managed Disks", "skuName", "S10 LRS",
                "meterName", "S10 Disks"), Price.of("Consumption", "1/Month", "5.89"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Standard SSD Managed Disks", "skuName", "E15 LRS",
                "meterName", "E15 LRS Disk"), Price.of("Consumption", "1/Month", "15.36"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Standard SSD Managed Disks", "skuName", "E20 LRS",
                "meterName", "E20 LRS Disk"), Price.of("Consumption", "1/Month", "30.72"));
        STATE.managed("azurerm_linux_virtual_machine", "app", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/app", "location", "East US",
                "size", "Standard_D2s_v3", "os_disk", List.of(Map.of("storage_account_type", "Premium_LRS", "disk_size_gb", 100)),
                "tags", Map.of("team", "web")));
        expectHourly("azurerm_linux_virtual_machine.app", "Instance usage (Linux, pay as you go, Standard_D2s_v3)", "1", "0.096");
        expect("azurerm_linux_virtual_machine.app", "OS disk: Storage (P10, LRS)", "1", "19.71");
        STATE.managed("azurerm_windows_virtual_machine", "win", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/win", "location", "eastus",
                "size", "Standard_D2s_v3", "os_disk", List.of(Map.of("storage_account_type", "Standard_LRS", "disk_size_gb", 127))));
        expectHourly("azurerm_windows_virtual_machine.win", "Instance usage (Windows, pay as you go, Standard_D2s_v3)", "1", "0.188");
        expect("azurerm_windows_virtual_machine.win", "OS disk: Storage (S10, LRS)", "1", "5.89");
        STATE.managed("azurerm_managed_disk", "data", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/data", "location", "eastus",
                "storage_account_type", "StandardSSD_LRS", "disk_size_gb", 200));
        expect("azurerm_managed_disk.data", "Storage (E15, LRS)", "1", "15.36");
        STATE.managed("azurerm_linux_virtual_machine", "tiny", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/tiny", "location", "eastus",
                "size", "Standard_B1s", "os_disk", List.of(Map.of("storage_account_type", "Standard_LRS", "disk_size_gb", 100))));
        expectHourly("azurerm_linux_virtual_machine.tiny", "Instance usage (Linux, pay as you go, Standard_B1s)", "1", "0.0104");
        expect("azurerm_linux_virtual_machine.tiny", "OS disk: Storage (S10, LRS)", "1", "5.89");

        BOOK.product("azure", r, "Azure Kubernetes Service", "Compute", Map.of("skuName", "Standard", "meterName",
                "Standard Uptime SLA"), Price.of("Consumption", "1 Hour", "0.1"));
        BOOK.product("azure", r, "Azure Kubernetes Service", "Compute", Map.of("skuName", "Premium", "meterName",
                "Premium Long Term Support"), Price.of("Consumption", "1 Hour", "0.6"));
        STATE.managed("azurerm_kubernetes_cluster", "aks", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks", "location", "eastus",
                "sku_tier", "Standard", "default_node_pool", List.of(Map.of("vm_size", "Standard_D2s_v3", "node_count", 3,
                        "os_disk_size_gb", 128, "os_disk_type", "Managed"))));
        expectHourly("azurerm_kubernetes_cluster.aks", "Uptime SLA (Standard tier)", "1", "0.1");
        expectHourly("azurerm_kubernetes_cluster.aks", "default_node_pool: Instance usage (Linux, pay as you go, Standard_D2s_v3)", "3",
                "0.096");
        expect("azurerm_kubernetes_cluster.aks", "default_node_pool: OS disk: Storage (P10, LRS)", "3", "19.71");
        // a size without premium storage gets Standard HDD OS disks, not Standard SSD
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Standard SSD Managed Disks", "skuName", "E10 LRS",
                "meterName", "E10 LRS Disk"), Price.of("Consumption", "1/Month", "7.68"));
        STATE.managed("azurerm_kubernetes_cluster", "plain", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/plain", "location", "eastus",
                "default_node_pool", List.of(Map.of("vm_size", "Standard_D2_v3", "node_count", 2, "os_disk_size_gb", 128))));
        expectHourly("azurerm_kubernetes_cluster.plain", "default_node_pool: Instance usage (Linux, pay as you go, Standard_D2_v3)", "2",
                "0.096");
        expect("azurerm_kubernetes_cluster.plain", "default_node_pool: OS disk: Storage (S10, LRS)", "2", "5.89");

        BOOK.product("azure", r, "Virtual Network", "Networking", Map.of("productName", "IP Addresses", "skuName", "Standard",
                "meterName", "Standard IPv4 Static Public IP"), Price.of("Consumption", "1 Hour", "0.005"));
        BOOK.product("azure", r, "Virtual Network", "Networking", Map.of("productName", "IP Addresses", "skuName", "Basic",
                "meterName", "Basic IPv4 Static Public IP"), Price.of("Consumption", "1 Hour", "0.0036"));
        BOOK.product("azure", r, "Virtual Network", "Networking", Map.of("productName", "IP Addresses", "skuName", "Basic",
                "meterName", "Basic IPv4 Dynamic Public IP"), Price.of("Consumption", "1 Hour", "0.004"));
        STATE.managed("azurerm_public_ip", "pip", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/pip", "location", "eastus",
                "sku", "Standard", "allocation_method", "Static"));
        expectHourly("azurerm_public_ip.pip", "IP address (static, standard)", "1", "0.005");
        BOOK.product("azure", r, "Virtual Network", "Networking", Map.of("productName", "IP Addresses", "skuName", "Global",
                "meterName", "Global IPv4 Static Public IP"), Price.of("Consumption", "1 Hour", "0.01"));
        STATE.managed("azurerm_public_ip", "global", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/global", "location", "eastus",
                "sku", "Standard", "sku_tier", "Global", "allocation_method", "Static"));
        expectHourly("azurerm_public_ip.global", "IP address (static, global)", "1", "0.01");

        // Blob capacity by account kind and tier: StorageV2 hot LRS is under "Blob Storage" in the dump, other tiers under
        // "General Block Blob v2"; premium accounts under "Premium Block Blob"
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Blob Storage", "skuName", "Hot LRS",
                "meterName", "Hot LRS Data Stored"), Price.of("Consumption", "1 GB/Month", "0.0184"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "General Block Blob v2", "skuName", "Hot LRS",
                "meterName", "Hot LRS Data Stored"), Price.of("Consumption", "1 GB/Month", "0.0185"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "General Block Blob v2", "skuName", "Cool GRS",
                "meterName", "Cool GRS Data Stored"), Price.of("Consumption", "1 GB/Month", "0.02"));
        BOOK.product("azure", r, "Storage", "Storage", Map.of("productName", "Premium Block Blob", "skuName", "Premium LRS",
                "meterName", "Premium LRS Data Stored"), Price.of("Consumption", "1 GB/Month", "0.15"));
        STATE.managed("azurerm_storage_account", "sa", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa", "location", "eastus",
                "account_kind", "StorageV2", "account_tier", "Standard", "access_tier", "Hot", "account_replication_type", "LRS"));
        expect("azurerm_storage_account.sa", "Capacity (Hot LRS)", "0", "0.0184");
        STATE.managed("azurerm_storage_account", "archive", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/archive", "location", "eastus",
                "account_kind", "StorageV2", "account_tier", "Standard", "access_tier", "Cool", "account_replication_type", "GRS"));
        expect("azurerm_storage_account.archive", "Capacity (Cool GRS)", "0", "0.02");
        STATE.managed("azurerm_storage_account", "fast", "azurerm", Map.of("id",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/fast", "location", "eastus",
                "account_kind", "BlockBlobStorage", "account_tier", "Premium", "account_replication_type", "LRS"));
        expect("azurerm_storage_account.fast", "Capacity (Premium LRS)", "0", "0.15");
        STATE.managed("azurerm_resource_group", "rg", "azurerm", Map.of("id", "/subscriptions/s/resourceGroups/rg", "location", "eastus"));
    }
}
