package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Google Cloud resource types: what each is charged for and which products of the price book price it. */
final class GooglePricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal LOCAL_SSD_GB = BigDecimal.valueOf(375);
    private static final Pattern SQL_CUSTOM = Pattern.compile("db-custom-(\\d+)-(\\d+)");
    private static final Pattern SQL_PREDEFINED = Pattern.compile("db-(?:n1-)?(standard|highmem|lightweight)-(\\d+)");
    private static final Pattern SQL_LEGACY = Pattern.compile("db-n1-(standard|highmem)-(\\d+)");
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final Pattern ZONE = Pattern.compile("([a-z]+-[a-z]+\\d+)-[a-z]");
    /** Cloud Run Functions' free invocations a month: the paid tier starts there. */
    private static final String FUNCTIONS_FREE_INVOCATIONS = "2000000";

    /**
     * Google's catalog prices (disks, Cloud SQL, GKE, buckets, Functions, Pub/Sub) carry purchase option
     * {@code OnDemand} in cloud-pricing-api's dump; only its generated machine-type rows say {@code on_demand}.
     */
    static final String CATALOG_ON_DEMAND = "OnDemand";

    private GooglePricers() {
    }

    /** A product of Google's catalog, at its on-demand price. */
    static ProductQuery catalog(String region, String service, String family) {
        return ProductQuery.of("gcp", region, service, family).purchaseOption(CATALOG_ON_DEMAND);
    }

    /** The attributes each type's pricing reads (StateAttributes keeps only these, identifiers and tags). */
    static final Map<String, java.util.Set<String>> READS = Map.of(
            "google_compute_instance", java.util.Set.of("machine_type", "scheduling", "boot_disk", "scratch_disk"),
            "google_compute_disk", java.util.Set.of("type", "size"),
            "google_sql_database_instance", java.util.Set.of("settings", "database_version"),
            "google_container_cluster", java.util.Set.of("name", "enable_autopilot", "remove_default_node_pool", "node_locations",
                    "initial_node_count", "node_pool", "node_config"),
            "google_container_node_pool", java.util.Set.of("cluster", "name", "location", "node_locations", "node_count",
                    "initial_node_count", "autoscaling", "node_config"),
            "google_storage_bucket", java.util.Set.of("storage_class"),
            "google_dns_managed_zone", java.util.Set.of(),
            "google_cloudfunctions_function", java.util.Set.of(),
            "google_pubsub_topic", java.util.Set.of());

    static void register(Map<String, Pricer> pricers) {
        pricers.put("google_compute_instance", GooglePricers::computeInstance);
        pricers.put("google_compute_disk", r -> List.of(disk(region(r), r.text("type", "pd-standard"),
                r.number("size", BigDecimal.TEN))));
        pricers.put("google_sql_database_instance", GooglePricers::sqlInstance);
        pricers.put("google_container_cluster", GooglePricers::containerCluster);
        pricers.put("google_container_node_pool", GooglePricers::nodePool);
        pricers.put("google_dns_managed_zone", r -> List.of(Component.monthly("Managed zone", "months", ONE,
                catalog("global", "Cloud DNS", "Network").attr("description", "ManagedZone"))));
        pricers.put("google_storage_bucket", r -> List.of(Component.usage("Storage (" + r.text("storage_class", "STANDARD") + ")",
                "GiB", r.usage("storage_gb"), catalog(r.text("location", "US").toLowerCase(Locale.ROOT), "Cloud Storage", "Storage")
                        .regex("description", "^" + storageClass(r.text("storage_class", "STANDARD")) + " Storage"))));
        // Invocations and message delivery are priced globally, and their first tier is free: the paid tier prices them.
        pricers.put("google_cloudfunctions_function", r -> List.of(Component.usage("Invocations", "invocations",
                r.usage("monthly_function_invocations"),
                new ProductQuery("gcp", "global", "Cloud Run Functions", "ApplicationServices", List.of(), CATALOG_ON_DEMAND, null,
                        FUNCTIONS_FREE_INVOCATIONS).regex("description", "Invocations"))));
        pricers.put("google_pubsub_topic", r -> List.of(Component.usage("Message delivery data", "TiB", r.usage("monthly_message_data_tb"),
                catalog("global", "Cloud Pub/Sub", "ApplicationServices").openTier()
                        .regex("description", "^Message Delivery Basic"))));
    }

    private static List<Component> computeInstance(Resource r) {
        List<Component> components = new ArrayList<>();
        JsonNode scheduling = r.block("scheduling");
        boolean spot = Resource.text(scheduling, "provisioning_model", "STANDARD").equalsIgnoreCase("SPOT")
                || "true".equalsIgnoreCase(Resource.text(scheduling, "preemptible", "false"));
        components.add(machine(region(r), r.text("machine_type", ""), spot, ONE));
        JsonNode boot = Resource.block(r.block("boot_disk"), "initialize_params");
        components.add(disk(region(r), Resource.text(boot, "type", "pd-standard"), Resource.number(boot, "size", BigDecimal.TEN))
                .named("Boot disk: "));
        int scratch = r.blocks("scratch_disk").size();
        if (scratch > 0) {
            components.add(Component.monthly("Local SSD provisioned storage", "GB", LOCAL_SSD_GB.multiply(BigDecimal.valueOf(scratch)),
                    catalog(region(r), "Compute Engine", "Storage").regex("description", "^SSD backed Local Storage( in .*)?$")));
        }
        return components;
    }

    /** A predefined machine type; custom types are priced per vCPU and GB, which this does not do (shown without a price). */
    static Component machine(String region, String machineType, boolean spot, BigDecimal count) {
        String option = spot ? "preemptible" : "on_demand";
        ProductQuery query = machineType.contains("custom") ? null
                : ProductQuery.of("gcp", region, "Compute Engine", "Compute Instance").attr("machineType", machineType)
                .purchaseOption(option);
        return Component.hourly("Instance usage (Linux/UNIX, " + (spot ? "spot" : "on-demand") + ", " + machineType + ")", count, query);
    }

    static Component disk(String region, String type, BigDecimal sizeGb) {
        String description = switch (type.toLowerCase(Locale.ROOT)) {
            case "pd-balanced" -> "^Balanced PD Capacity";
            case "pd-ssd" -> "^SSD backed PD Capacity";
            case "pd-extreme" -> "^Extreme PD Capacity";
            case "pd-standard" -> "^Storage PD Capacity";
            default -> null;
        };
        return Component.monthly("Provisioned storage (" + type + ")", "GB", sizeGb, description == null ? null
                : catalog(region, "Compute Engine", "Storage").regex("description", description));
    }

    private static List<Component> sqlInstance(Resource r) {
        JsonNode settings = r.block("settings");
        String tier = Resource.text(settings, "tier", "").toLowerCase(Locale.ROOT);
        String version = r.text("database_version", "POSTGRES_15").toUpperCase(Locale.ROOT);
        String engine = version.startsWith("MYSQL") ? "MySQL" : version.startsWith("SQLSERVER") ? "SQL Server" : "PostgreSQL";
        boolean regional = Resource.text(settings, "availability_type", "ZONAL").equalsIgnoreCase("REGIONAL");
        String availability = regional ? "Regional" : "Zonal";
        String lower = availability.toLowerCase(Locale.ROOT);
        String prefix = "^Cloud SQL for " + engine + ": " + availability;
        ProductQuery sql = catalog(region(r), "Cloud SQL", "ApplicationServices");
        List<Component> components = new ArrayList<>();
        Matcher legacy = SQL_LEGACY.matcher(tier);
        BigDecimal[] parts = cpuAndRam(tier);
        if (tier.equals("db-f1-micro") || tier.equals("db-g1-small")) {
            // shared-core tiers: one price for the instance, in its own resource group (not the Extended-support one)
            components.add(Component.hourly("SQL instance (" + tier + ", " + lower + ")", ONE, sql.anyFamily()
                    .attr("resourceGroup", tier.equals("db-f1-micro") ? "SQLGen2InstancesF1Micro" : "SQLGen2InstancesG1Small")
                    .regex("description", prefix + "(?! - Extended)")));
        } else if (legacy.matches() && engine.equals("MySQL")) {
            components.add(Component.hourly("SQL instance (" + tier + ", " + lower + ")", ONE, sql.anyFamily()
                    .attr("resourceGroup", legacy.group(1).equals("standard") ? "SQLGen2InstancesN1Standard" : "SQLGen2InstancesN1Highmem")
                    .regex("description", prefix + " - " + legacy.group(2) + " vCPU")));
        } else if (parts != null) {
            BigDecimal[] cpuRam = parts;
            components.add(Component.hourly("vCPUs (" + lower + ")", cpuRam[0], sql.regex("description", prefix + " - vCPU"))
                    .withUnit("vCPU-hours"));
            components.add(Component.hourly("Memory (" + lower + ")", cpuRam[1], sql.regex("description", prefix + " - RAM"))
                    .withUnit("GB-hours"));
        } else {
            components.add(Component.hourly("SQL instance (" + tier + ", " + lower + ")", ONE, null));
        }
        // SQL Server always runs on SSD; HDD is Google's "Low cost storage" in resource group PDStandard
        boolean hdd = !engine.equals("SQL Server") && Resource.text(settings, "disk_type", "PD_SSD").equalsIgnoreCase("PD_HDD");
        components.add(Component.monthly("Storage (" + (hdd ? "HDD" : "SSD") + ", " + lower + ")", "GB",
                Resource.number(settings, "disk_size", BigDecimal.TEN), sql.anyFamily().attr("resourceGroup", hdd ? "PDStandard" : "SSD")
                        .regex("description", prefix + " - " + (hdd ? "Low cost storage" : "Standard storage"))));
        JsonNode ip = Resource.block(settings, "ip_configuration");
        if (!"false".equalsIgnoreCase(Resource.text(ip, "ipv4_enabled", "true"))) {
            components.add(Component.hourly("IP address (if unused)", ONE, catalog("global", "Cloud SQL", "ApplicationServices").anyFamily()
                    .attr("resourceGroup", "IpAddress").regex("description", "IP address idling - hour")));
        }
        return components;
    }

    /**
     * vCPUs and GB of memory of a tier priced by its parts: {@code db-custom-CPUS-MB}, and {@code db-n1-standard-N},
     * {@code db-standard-N} (3,840 MB a vCPU), {@code db-n1-highmem-N}, {@code db-highmem-N} (6,656 MB a vCPU),
     * {@code db-lightweight-N} (3,840 MB in all); MB / 1024 always ends (1024 is a power of two). Null for any other tier.
     */
    private static BigDecimal[] cpuAndRam(String tier) {
        Matcher custom = SQL_CUSTOM.matcher(tier);
        if (custom.matches()) {
            return new BigDecimal[] {new BigDecimal(custom.group(1)), new BigDecimal(custom.group(2)).divide(MB_PER_GB)};
        }
        Matcher predefined = SQL_PREDEFINED.matcher(tier);
        if (predefined.matches()) {
            BigDecimal cpus = new BigDecimal(predefined.group(2));
            BigDecimal mb = switch (predefined.group(1)) {
                case "standard" -> cpus.multiply(BigDecimal.valueOf(3840));
                case "highmem" -> cpus.multiply(BigDecimal.valueOf(6656));
                default -> BigDecimal.valueOf(3840);
            };
            return new BigDecimal[] {cpus, mb.divide(MB_PER_GB)};
        }
        return null;
    }

    private static List<Component> containerCluster(Resource r) {
        String location = r.text("location", r.region() == null ? "" : r.region());
        boolean regional = location.chars().filter(c -> c == '-').count() == 1;
        List<Component> components = new ArrayList<>();
        components.add(Component.hourly("Cluster management fee", ONE, catalog("global", "Kubernetes Engine", "Compute")
                .regex("description", r.flag("enable_autopilot") ? "^Autopilot Kubernetes Clusters"
                        : regional ? "^Regional Kubernetes Clusters" : "^Zonal Kubernetes Clusters")));
        if (r.flag("enable_autopilot")) {
            return components;
        }
        List<String> zones = r.texts("node_locations");
        BigDecimal clusterZones = BigDecimal.valueOf(!zones.isEmpty() ? zones.size() : regional ? 3 : 1);
        String region = region(r);
        boolean defaultPool = false;
        int index = 0;
        // Each pool inline in the cluster with its own nodes and machine; node pools of their own are google_container_node_pool.
        String cluster = r.text("name", r.text("id", ""));
        for (JsonNode pool : r.blocks("node_pool")) {
            String name = Resource.text(pool, "name", "");
            if (r.neighbours().separatePool(cluster, name)) {
                continue; // a google_container_node_pool of the state: priced once, as itself
            }
            defaultPool |= name.equals("default-pool");
            List<String> poolZones = new ArrayList<>();
            JsonNode locations = pool.get("node_locations");
            if (locations != null && locations.isArray()) {
                locations.forEach(z -> poolZones.add(z.asString()));
            }
            BigDecimal nodes = Resource.number(pool, "node_count", Resource.number(pool, "initial_node_count", BigDecimal.valueOf(3)))
                    .multiply(poolZones.isEmpty() ? clusterZones : BigDecimal.valueOf(poolZones.size()));
            String label = name.equals("default-pool") ? "Default node pool: " : "Node pool " + (name.isEmpty() ? "[" + index + "]" : name) + ": ";
            components.addAll(nodes(region, Resource.block(pool, "node_config"), nodes, label));
            index++;
        }
        if (!defaultPool && !r.flag("remove_default_node_pool") && r.blocks("node_pool").isEmpty()) {
            BigDecimal nodes = r.number("initial_node_count", BigDecimal.valueOf(3)).multiply(clusterZones);
            components.addAll(nodes(region, r.block("node_config"), nodes, "Default node pool: "));
        }
        return components;
    }

    /**
     * A node pool of its own: {@code autoscaling.min_node_count}, else {@code node_count}, else
     * {@code initial_node_count}, else 3 nodes a zone, in its {@code node_locations} (else 1 zone in a
     * zonal location, 3 in a region).
     */
    private static List<Component> nodePool(Resource r) {
        String location = r.text("location", r.region() == null ? "" : r.region());
        List<String> zones = r.texts("node_locations");
        BigDecimal zoneCount = BigDecimal.valueOf(!zones.isEmpty() ? zones.size()
                : location.chars().filter(c -> c == '-').count() == 1 ? 3 : 1);
        BigDecimal perZone = Resource.number(r.block("autoscaling"), "min_node_count",
                r.number("node_count", r.number("initial_node_count", BigDecimal.valueOf(3))));
        return nodes(region(r), r.block("node_config"), perZone.multiply(zoneCount), "");
    }

    /** A node pool's machines and their disks; preemptible and spot nodes at the machine type's preemptible price. */
    static List<Component> nodes(String region, JsonNode config, BigDecimal nodes, String label) {
        boolean spot = "true".equalsIgnoreCase(Resource.text(config, "preemptible", "false"))
                || "true".equalsIgnoreCase(Resource.text(config, "spot", "false"));
        return List.of(machine(region, Resource.text(config, "machine_type", "e2-medium"), spot, nodes).named(label),
                disk(region, Resource.text(config, "disk_type", "pd-standard"),
                        Resource.number(config, "disk_size_gb", BigDecimal.valueOf(100)).multiply(nodes)).named(label));
    }

    /** Prices are per region; a resource whose location is a zone ({@code us-central1-a}) is priced in its region. */
    static String region(Resource r) {
        if (r.region() == null) {
            return null;
        }
        Matcher zone = ZONE.matcher(r.region());
        return zone.matches() ? zone.group(1) : r.region();
    }

    private static String storageClass(String storageClass) {
        return switch (storageClass.toUpperCase(Locale.ROOT)) {
            case "NEARLINE" -> "Nearline";
            case "COLDLINE" -> "Coldline";
            case "ARCHIVE" -> "Archive";
            default -> "Standard";
        };
    }
}
