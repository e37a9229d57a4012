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
    private static final Pattern SQL_PREDEFINED = Pattern.compile("db-n1-(standard|highmem)-(\\d+)");
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final Pattern ZONE = Pattern.compile("([a-z]+-[a-z]+\\d+)-[a-z]");

    private GooglePricers() {
    }

    /** The attributes each type's pricing reads (StateAttributes keeps only these, identifiers and tags). */
    static final Map<String, java.util.Set<String>> READS = Map.of(
            "google_compute_instance", java.util.Set.of("machine_type", "scheduling", "boot_disk", "scratch_disk"),
            "google_compute_disk", java.util.Set.of("type", "size"),
            "google_sql_database_instance", java.util.Set.of("settings", "database_version"),
            "google_container_cluster", java.util.Set.of("enable_autopilot", "remove_default_node_pool", "node_locations",
                    "initial_node_count", "node_pool", "node_config"),
            "google_storage_bucket", java.util.Set.of("storage_class"),
            "google_cloudfunctions_function", java.util.Set.of(),
            "google_pubsub_topic", java.util.Set.of());

    static void register(Map<String, Pricer> pricers) {
        pricers.put("google_compute_instance", GooglePricers::computeInstance);
        pricers.put("google_compute_disk", r -> List.of(disk(region(r), r.text("type", "pd-standard"),
                r.number("size", BigDecimal.TEN))));
        pricers.put("google_sql_database_instance", GooglePricers::sqlInstance);
        pricers.put("google_container_cluster", GooglePricers::containerCluster);
        pricers.put("google_storage_bucket", r -> List.of(Component.usage("Storage (" + r.text("storage_class", "STANDARD") + ")",
                "GiB", r.usage("storage_gb"), ProductQuery.of("gcp", r.text("location", "US").toLowerCase(Locale.ROOT), "Cloud Storage", "Storage")
                        .regex("description", "^" + storageClass(r.text("storage_class", "STANDARD")) + " Storage"))));
        pricers.put("google_cloudfunctions_function", r -> List.of(Component.usage("Invocations", "invocations",
                r.usage("monthly_function_invocations"),
                ProductQuery.of("gcp", region(r), "Cloud Run Functions", "ApplicationServices").regex("description", "^Invocations"))));
        pricers.put("google_pubsub_topic", r -> List.of(Component.usage("Message delivery data", "TiB", r.usage("monthly_message_data_tb"),
                ProductQuery.of("gcp", region(r), "Cloud Pub/Sub", "ApplicationServices")
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
                    ProductQuery.of("gcp", region(r), "Compute Engine", "Storage").regex("description", "^SSD backed Local Storage( in .*)?$")));
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
                : ProductQuery.of("gcp", region, "Compute Engine", "Storage").regex("description", description));
    }

    private static List<Component> sqlInstance(Resource r) {
        JsonNode settings = r.block("settings");
        String tier = Resource.text(settings, "tier", "");
        String version = r.text("database_version", "POSTGRES_15").toUpperCase(Locale.ROOT);
        String engine = version.startsWith("MYSQL") ? "MySQL" : version.startsWith("SQLSERVER") ? "SQL Server" : "PostgreSQL";
        boolean regional = Resource.text(settings, "availability_type", "ZONAL").equalsIgnoreCase("REGIONAL");
        String availability = regional ? "Regional" : "Zonal";
        String prefix = "^Cloud SQL for " + engine + ": " + availability + " - ";
        ProductQuery sql = ProductQuery.of("gcp", region(r), "Cloud SQL", "ApplicationServices");
        List<Component> components = new ArrayList<>();
        BigDecimal[] cpuRam = cpuAndRam(tier);
        if (cpuRam != null) {
            components.add(Component.hourly("vCPUs (" + availability.toLowerCase(Locale.ROOT) + ")", cpuRam[0],
                    sql.regex("description", prefix + "vCPU")).withUnit("vCPU-hours"));
            components.add(Component.hourly("Memory (" + availability.toLowerCase(Locale.ROOT) + ")", cpuRam[1],
                    sql.regex("description", prefix + "RAM")).withUnit("GB-hours"));
        } else {
            String shared = switch (tier) {
                case "db-f1-micro" -> "Micro instance";
                case "db-g1-small" -> "Small instance";
                default -> null;
            };
            components.add(Component.hourly("SQL instance (" + tier + ", " + availability.toLowerCase(Locale.ROOT) + ")", ONE,
                    shared == null ? null : sql.regex("description", prefix + shared)));
        }
        boolean hdd = Resource.text(settings, "disk_type", "PD_SSD").equalsIgnoreCase("PD_HDD");
        components.add(Component.monthly("Storage (" + (hdd ? "HDD" : "SSD") + ", " + availability.toLowerCase(Locale.ROOT) + ")", "GB",
                Resource.number(settings, "disk_size", BigDecimal.TEN),
                sql.regex("description", prefix + (hdd ? "Standard storage" : "SSD storage"))));
        return components;
    }

    /** vCPUs and GB of memory of a dedicated-core tier (MB / 1024 always ends: 1024 is a power of two); null for shared-core tiers. */
    private static BigDecimal[] cpuAndRam(String tier) {
        Matcher custom = SQL_CUSTOM.matcher(tier);
        if (custom.matches()) {
            return new BigDecimal[] {new BigDecimal(custom.group(1)),
                    new BigDecimal(custom.group(2)).divide(MB_PER_GB)};
        }
        Matcher predefined = SQL_PREDEFINED.matcher(tier);
        if (predefined.matches()) {
            BigDecimal cpus = new BigDecimal(predefined.group(2));
            BigDecimal gbPerCpu = predefined.group(1).equals("standard") ? new BigDecimal("3.75") : new BigDecimal("6.5");
            return new BigDecimal[] {cpus, cpus.multiply(gbPerCpu)};
        }
        return null;
    }

    private static List<Component> containerCluster(Resource r) {
        String location = r.text("location", r.region() == null ? "" : r.region());
        boolean regional = location.chars().filter(c -> c == '-').count() == 1;
        List<Component> components = new ArrayList<>();
        components.add(Component.hourly("Cluster management fee", ONE, ProductQuery.of("gcp", region(r), "Kubernetes Engine", "Compute")
                .regex("description", r.flag("enable_autopilot") ? "^Autopilot Kubernetes Clusters"
                        : regional ? "^Regional Kubernetes Clusters" : "^Zonal Kubernetes Clusters")));
        // The default node pool, unless it is removed (node pools of their own are google_container_node_pool).
        if (!r.flag("remove_default_node_pool") && !r.flag("enable_autopilot")) {
            List<String> zones = r.texts("node_locations");
            BigDecimal zoneCount = BigDecimal.valueOf(!zones.isEmpty() ? zones.size() : regional ? 3 : 1);
            BigDecimal perZone = r.number("initial_node_count", ONE);
            for (JsonNode pool : r.blocks("node_pool")) {
                perZone = Resource.number(pool, "node_count", perZone);
            }
            BigDecimal nodes = perZone.multiply(zoneCount);
            JsonNode config = r.block("node_config");
            String region = region(r);
            components.add(machine(region, Resource.text(config, "machine_type", "e2-medium"), false, nodes).named("Default node pool: "));
            components.add(disk(region, Resource.text(config, "disk_type", "pd-balanced"),
                    Resource.number(config, "disk_size_gb", BigDecimal.valueOf(100)).multiply(nodes)).named("Default node pool: "));
        }
        return components;
    }

    /** Prices are per region; a resource whose location is a zone ({@code us-central1-a}) is priced in its region. */
    private static String region(Resource r) {
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
