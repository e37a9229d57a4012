package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** AWS resource types: what each is charged for and which products of the price book price it. */
final class AwsPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;

    private AwsPricers() {
    }

    /** The attributes each type's pricing reads (StateAttributes keeps only these, identifiers and tags). */
    static final Map<String, java.util.Set<String>> READS = Map.ofEntries(
            Map.entry("aws_instance", java.util.Set.of("instance_type", "tenancy", "root_block_device", "ebs_block_device",
                    "instance_market_options")),
            Map.entry("aws_spot_instance_request", java.util.Set.of("instance_type", "tenancy", "root_block_device", "ebs_block_device",
                    "spot_price")),
            Map.entry("aws_ebs_volume", java.util.Set.of("type", "size", "iops", "throughput")),
            Map.entry("aws_db_instance", java.util.Set.of("instance_class", "engine", "license_model", "storage_type", "allocated_storage",
                    "iops", "multi_az")),
            Map.entry("aws_nat_gateway", java.util.Set.of()),
            Map.entry("aws_lb", java.util.Set.of("load_balancer_type")),
            Map.entry("aws_alb", java.util.Set.of("load_balancer_type")),
            Map.entry("aws_eks_cluster", java.util.Set.of()),
            Map.entry("aws_eks_node_group", java.util.Set.of("instance_types", "scaling_config", "launch_template", "disk_size",
                    "capacity_type")),
            // not priced itself (free), but node groups launched from it read these
            Map.entry("aws_launch_template", java.util.Set.of("name", "instance_type", "instance_market_options")),
            Map.entry("aws_elasticache_cluster", java.util.Set.of("node_type", "engine", "num_cache_nodes", "replication_group_id")),
            Map.entry("aws_elasticache_replication_group", java.util.Set.of("node_type", "engine", "num_cache_clusters",
                    "num_node_groups", "replicas_per_node_group")),
            Map.entry("aws_eip", java.util.Set.of("instance", "network_interface", "association_id")),
            Map.entry("aws_lambda_function", java.util.Set.of("memory_size")),
            Map.entry("aws_sqs_queue", java.util.Set.of("fifo_queue")));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("aws_instance", AwsPricers::instance);
        pricers.put("aws_spot_instance_request", AwsPricers::instance);
        pricers.put("aws_ebs_volume", r -> EbsVolumes.of(r.region(), r.text("type", "gp2"), r.number("size", null),
                r.number("iops", null), r.number("throughput", null), r.usage("monthly_standard_io_requests")));
        pricers.put("aws_db_instance", AwsPricers::dbInstance);
        pricers.put("aws_nat_gateway", AwsPricers::natGateway);
        pricers.put("aws_lb", AwsPricers::loadBalancer);
        pricers.put("aws_alb", AwsPricers::loadBalancer);
        pricers.put("aws_eks_cluster", r -> List.of(Component.hourly("EKS cluster", ONE,
                ProductQuery.of("aws", r.region(), "AmazonEKS", "Compute").regex("usagetype", "AmazonEKS-Hours:perCluster$"))));
        pricers.put("aws_eks_node_group", AwsPricers::eksNodeGroup);
        pricers.put("aws_elasticache_cluster", AwsPricers::elasticacheCluster);
        pricers.put("aws_elasticache_replication_group", AwsPricers::elasticacheReplicationGroup);
        pricers.put("aws_eip", AwsPricers::eip);
        pricers.put("aws_lambda_function", AwsPricers::lambdaFunction);
        pricers.put("aws_sqs_queue", r -> List.of(Component.usage("Requests", "requests", r.usage("monthly_requests"),
                ProductQuery.of("aws", r.region(), "AWSQueueService", "API Request")
                        .attr("queueType", r.flag("fifo_queue") ? "FIFO (first-in, first-out)" : "Standard"))));
    }

    private static List<Component> instance(Resource r) {
        List<Component> components = new ArrayList<>();
        String tenancy = r.text("tenancy", "default").toLowerCase(Locale.ROOT);
        // A host-tenancy instance runs on a Dedicated Host, which is what is charged (aws_ec2_host).
        if (!tenancy.equals("host")) {
            // a spot request (spot_price) or an instance launched on the spot market is priced at the spot price
            boolean spot = r.text("spot_price", null) != null
                    || "spot".equalsIgnoreCase(Resource.text(r.block("instance_market_options"), "market_type", ""));
            components.add(compute(r.region(), r.text("instance_type", ""), tenancy.equals("dedicated") ? "Dedicated" : "Shared", ONE,
                    r.usageWord("operating_system", "linux"), spot));
        }
        JsonNode root = r.block("root_block_device");
        components.addAll(prefixed("root_block_device: ", EbsVolumes.of(r.region(), Resource.text(root, "volume_type", "gp2"),
                Resource.number(root, "volume_size", null), Resource.number(root, "iops", null),
                Resource.number(root, "throughput", null))));
        for (JsonNode device : r.blocks("ebs_block_device")) {
            components.addAll(prefixed("ebs_block_device[" + Resource.text(device, "device_name", "?") + "]: ",
                    EbsVolumes.of(r.region(), Resource.text(device, "volume_type", "gp2"), Resource.number(device, "volume_size", null),
                            Resource.number(device, "iops", null), Resource.number(device, "throughput", null))));
        }
        return components;
    }

    static Component compute(String region, String instanceType, String tenancy, BigDecimal count) {
        return compute(region, instanceType, tenancy, count, "linux", false);
    }

    /**
     * On demand, no pre-installed software; Linux unless the usage says otherwise (a state does not
     * say which operating system an AMI holds). Windows, RHEL and SUSE prices include their licence.
     */
    static Component compute(String region, String instanceType, String tenancy, BigDecimal count, String operatingSystem,
                             boolean spot) {
        String os = switch (operatingSystem) {
            case "windows" -> "Windows";
            case "rhel" -> "RHEL";
            case "suse" -> "SUSE";
            default -> "Linux";
        };
        // metal instances are their own product family in AWS's price list
        String family = instanceType.toLowerCase(Locale.ROOT).contains("metal") ? "Compute Instance (bare metal)" : "Compute Instance";
        return Component.hourly("Instance usage (" + (os.equals("Linux") ? "Linux/UNIX" : os) + ", " + (spot ? "spot" : "on-demand")
                        + ", " + instanceType + ")",
                count, ProductQuery.of("aws", region, "AmazonEC2", family).purchaseOption(spot ? "spot" : "on_demand")
                        .attr("instanceType", instanceType)
                        .attr("tenancy", tenancy)
                        .attr("operatingSystem", os)
                        .attr("preInstalledSw", "NA")
                        .attr("licenseModel", "No License required")
                        .attr("capacitystatus", "Used"));
    }

    private static List<Component> dbInstance(Resource r) {
        String deployment = r.flag("multi_az") ? "Multi-AZ" : "Single-AZ";
        String instanceClass = r.text("instance_class", "");
        String engine = r.text("engine", "");
        List<Component> components = new ArrayList<>();
        ProductQuery instance = ProductQuery.of("aws", r.region(), "AmazonRDS", "Database Instance")
                .attr("instanceType", instanceClass)
                .attr("deploymentOption", deployment);
        DbEngine db = DbEngine.of(engine, r.text("license_model", null));
        components.add(Component.hourly("Database instance (on-demand, " + deployment + ", " + instanceClass + ")", ONE,
                db == null ? null : db.filter(instance)));
        String storageType = r.text("storage_type", "gp2").toLowerCase(Locale.ROOT);
        String volumeType = switch (storageType) {
            case "gp3" -> "General Purpose-GP3";
            case "io1" -> "Provisioned IOPS";
            case "io2" -> "Provisioned IOPS-IO2";
            case "standard" -> "Magnetic";
            default -> "General Purpose";
        };
        // Storage and IOPS are priced for any engine ("Any"), not per engine
        ProductQuery storage = ProductQuery.of("aws", r.region(), "AmazonRDS", "Database Storage")
                .attr("volumeType", volumeType)
                .attr("deploymentOption", deployment)
                .attr("databaseEngine", "Any");
        if (storageType.equals("gp3")) {
            storage = storage.regex("usagetype", deployment.equals("Multi-AZ") ? "(^|-)RDS:Multi-AZ-GP3-Storage$" : "(^|-)RDS:GP3-Storage$");
        }
        BigDecimal allocated = r.number("allocated_storage", BigDecimal.ZERO);
        components.add(Component.monthly("Storage (" + storageType + ")", "GB", allocated, storage));
        ProductQuery iops = ProductQuery.of("aws", r.region(), "AmazonRDS", "Provisioned IOPS")
                .attr("deploymentOption", deployment)
                .attr("databaseEngine", "Any");
        BigDecimal given = r.number("iops", BigDecimal.ZERO);
        if (storageType.equals("io1")) {
            components.add(Component.monthly("Provisioned IOPS", "IOPS", given, iops.attr("groupDescription", "RDS Provisioned IOPS")));
        } else if (storageType.equals("io2")) {
            components.add(Component.monthly("Provisioned IOPS", "IOPS", given, iops.regex("usagetype", "PIOPS-IO2$")));
        } else if (storageType.equals("gp3")) {
            // gp3 includes 3,000 IOPS below 400 GB and 12,000 from 400 GB; only what is above is charged
            BigDecimal baseline = BigDecimal.valueOf(allocated.compareTo(BigDecimal.valueOf(400)) >= 0 ? 12_000 : 3_000);
            if (given.compareTo(baseline) > 0) {
                components.add(Component.monthly("Provisioned GP3 IOPS (above " + String.format(Locale.ROOT, "%,d", baseline.intValue())
                        + ")", "IOPS", given.subtract(baseline), iops.attr("groupDescription", "RDS Provisioned GP3 IOPS")
                        .regex("usagetype", deployment.equals("Multi-AZ") ? "(^|-)RDS:Multi-AZ-GP3-PIOPS$" : "(^|-)RDS:GP3-PIOPS$")));
            }
        }
        return components;
    }

    /** The price list's database engine and edition for an {@code engine} of the provider. */
    private record DbEngine(String engine, String edition, String licenseModel) {
        static DbEngine of(String engine, String license) {
            String byol = "bring-your-own-license".equals(license) ? "Bring your own license" : "License included";
            return switch (engine.toLowerCase(Locale.ROOT)) {
                case "mysql" -> new DbEngine("MySQL", null, null);
                case "postgres" -> new DbEngine("PostgreSQL", null, null);
                case "mariadb" -> new DbEngine("MariaDB", null, null);
                case "oracle-se2" -> new DbEngine("Oracle", "Standard Two", byol);
                case "oracle-ee" -> new DbEngine("Oracle", "Enterprise", "Bring your own license");
                case "sqlserver-ex" -> new DbEngine("SQL Server", "Express", "License included");
                case "sqlserver-web" -> new DbEngine("SQL Server", "Web", "License included");
                case "sqlserver-se" -> new DbEngine("SQL Server", "Standard", "License included");
                case "sqlserver-ee" -> new DbEngine("SQL Server", "Enterprise", "License included");
                default -> null;
            };
        }

        ProductQuery filter(ProductQuery q) {
            ProductQuery f = q.attr("databaseEngine", engine);
            if (edition != null) {
                f = f.attr("databaseEdition", edition).attr("licenseModel", licenseModel);
            }
            // RDS Custom for Oracle is a product of its own (deploymentModel Custom): not this instance
            return engine.equals("Oracle") ? f.attr("deploymentModel", "") : f;
        }
    }

    /** Duration is charged in GB-seconds: invocations x seconds each x memory (memory_size MB, default 128) in GB. */
    private static List<Component> lambdaFunction(Resource r) {
        BigDecimal requests = r.usage("monthly_requests");
        BigDecimal gb = r.number("memory_size", BigDecimal.valueOf(128)).divide(BigDecimal.valueOf(1024));
        BigDecimal gbSeconds = requests.multiply(r.usage("request_duration_ms")).divide(BigDecimal.valueOf(1000)).multiply(gb);
        ProductQuery lambda = ProductQuery.of("aws", r.region(), "AWSLambda", "Serverless");
        return List.of(
                Component.usage("Requests", "requests", requests, lambda.attr("group", "AWS-Lambda-Requests")),
                Component.usage("Duration", "GB-seconds", gbSeconds, lambda.attr("group", "AWS-Lambda-Duration")));
    }

    private static List<Component> natGateway(Resource r) {
        ProductQuery nat = ProductQuery.of("aws", r.region(), "AmazonEC2", "NAT Gateway");
        return List.of(
                Component.hourly("NAT gateway", ONE, nat.regex("usagetype", "NatGateway-Hours$")),
                Component.usage("Data processed", "GB", r.usage("monthly_data_processed_gb"), nat.regex("usagetype", "NatGateway-Bytes$")));
    }

    private static List<Component> loadBalancer(Resource r) {
        String type = r.text("load_balancer_type", "application").toLowerCase(Locale.ROOT);
        String family = switch (type) {
            case "network" -> "Load Balancer-Network";
            case "gateway" -> "Load Balancer-Gateway";
            default -> "Load Balancer-Application";
        };
        String capacityUnit = switch (type) {
            case "network" -> "NLCU";
            case "gateway" -> "GLCU";
            default -> "LCU";
        };
        // In AWS Regions only, and the usage type anchored: -TS- (Local Zone) and Outposts rows never match
        ProductQuery lb = ProductQuery.of("aws", r.region(), "AWSELB", family).attr("locationType", "AWS Region");
        return List.of(
                Component.hourly(switch (type) {
                    case "network" -> "Network load balancer";
                    case "gateway" -> "Gateway load balancer";
                    default -> "Application load balancer";
                }, ONE, lb.regex("usagetype", "^([A-Z]{3}\\d-|Global-|EU-)?LoadBalancerUsage$")),
                Component.usage("Load balancer capacity units", capacityUnit + "-hours",
                        r.usage("capacity_units").multiply(Component.HOURS_A_MONTH),
                        lb.regex("usagetype", "^([A-Z]{3}\\d-|Global-|EU-)?LCUUsage$")));
    }

    /**
     * Its nodes: {@code instance_types[0]}, else the instance type of the launch template it launches from (a resource
     * of the same state), else t3.medium; at the spot price for {@code capacity_type = SPOT} or a spot launch template.
     */
    private static List<Component> eksNodeGroup(Resource r) {
        List<String> types = r.texts("instance_types");
        JsonNode template = r.block("launch_template").isEmpty() ? null
                : r.neighbours().launchTemplate(r.blocks("launch_template").get(0)).orElse(null);
        String instanceType = !types.isEmpty() ? types.get(0) : Resource.text(template, "instance_type", "t3.medium");
        boolean spot = "SPOT".equalsIgnoreCase(r.text("capacity_type", ""))
                || "spot".equalsIgnoreCase(Resource.text(Resource.block(template, "instance_market_options"), "market_type", ""));
        BigDecimal nodes = Resource.number(r.block("scaling_config"), "desired_size", ONE);
        List<Component> components = new ArrayList<>();
        components.add(compute(r.region(), instanceType, "Shared", nodes, "linux", spot));
        // Nodes launched from a launch template take their disks from it; otherwise each has a gp2 disk of disk_size (20 GB).
        if (r.block("launch_template").isEmpty()) {
            components.addAll(prefixed("Node disk: ", EbsVolumes.of(r.region(), "gp2",
                    r.number("disk_size", BigDecimal.valueOf(20)).multiply(nodes), null, null)));
        }
        return components;
    }

    /** A cluster that is a member of a replication group is priced once, by its group. */
    private static List<Component> elasticacheCluster(Resource r) {
        if (r.text("replication_group_id", null) != null) {
            return List.of();
        }
        return List.of(cacheNodes(r, r.number("num_cache_nodes", ONE)));
    }

    /** Its nodes: num_cache_clusters, or num_node_groups x (replicas_per_node_group + 1) in cluster mode. */
    private static List<Component> elasticacheReplicationGroup(Resource r) {
        BigDecimal groups = r.number("num_node_groups", null);
        BigDecimal nodes = groups != null && groups.signum() > 0
                ? groups.multiply(r.number("replicas_per_node_group", BigDecimal.ZERO).add(ONE))
                : r.number("num_cache_clusters", ONE);
        return List.of(cacheNodes(r, nodes));
    }

    private static Component cacheNodes(Resource r, BigDecimal nodes) {
        String nodeType = r.text("node_type", "");
        String engine = switch (r.text("engine", "redis").toLowerCase(Locale.ROOT)) {
            case "memcached" -> "Memcached";
            case "valkey" -> "Valkey";
            default -> "Redis";
        };
        return Component.hourly("ElastiCache (on-demand, " + nodeType + ")", nodes,
                ProductQuery.of("aws", r.region(), "AmazonElastiCache", "Cache Instance")
                        .attr("instanceType", nodeType)
                        .attr("locationType", "AWS Region")
                        .attr("cacheEngine", engine)
                        .attr("currentGeneration", "Yes"));
    }

    /** Every public IPv4 address is charged by the hour since February 2024, whether in use or idle. */
    private static List<Component> eip(Resource r) {
        boolean inUse = r.text("instance", null) != null || r.text("network_interface", null) != null
                || r.text("association_id", null) != null;
        if (!inUse) {
            // an idle Elastic IP is EC2's "IP Address" product, from its tier starting at 1 address
            return List.of(Component.hourly("Public IPv4 address (idle)", ONE,
                    new ProductQuery("aws", r.region(), "AmazonEC2", "IP Address", List.of(), "on_demand", null, "1")
                            .regex("usagetype", "ElasticIP:IdleAddress")));
        }
        return List.of(Component.hourly("Public IPv4 address (in use)", ONE,
                ProductQuery.of("aws", r.region(), "AmazonVPC", "VPC Public IPv4 Address").regex("usagetype", "PublicIPv4:InUseAddress$")));
    }

    static List<Component> prefixed(String prefix, List<Component> components) {
        return components.stream().map(c -> c.named(prefix)).toList();
    }
}
