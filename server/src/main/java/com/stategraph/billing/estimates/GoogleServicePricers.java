package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.GooglePricers.catalog;
import static com.stategraph.billing.estimates.GooglePricers.region;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Google Cloud services: Memorystore for Redis, snapshots and images, BigQuery datasets and tables,
 * Artifact Registry, and managed instance groups (through their instance template); the filters
 * are those Infracost uses, as facts.
 */
final class GoogleServicePricers {
    private GoogleServicePricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "google_redis_instance", Set.of("tier", "memory_size_gb"),
            "google_compute_snapshot", Set.of(),
            "google_compute_image", Set.of(),
            "google_bigquery_dataset", Set.of(),
            "google_bigquery_table", Set.of(),
            "google_artifact_registry_repository", Set.of(),
            "google_compute_instance_group_manager", Set.of("target_size", "version", "instance_template"),
            "google_compute_region_instance_group_manager", Set.of("target_size", "version", "instance_template"),
            // not priced itself (free), but instance groups launched from it read these
            "google_compute_instance_template", Set.of("name", "self_link", "machine_type", "scheduling", "disk"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("google_redis_instance", GoogleServicePricers::redis);
        pricers.put("google_compute_snapshot", r -> List.of(Component.usage("Storage", "GB", r.usage("storage_gb"),
                catalog(region(r), "Compute Engine", "Storage").regex("description", "^Storage PD Snapshot").tier("5"))));
        pricers.put("google_compute_image", r -> List.of(Component.usage("Storage", "GB", r.usage("storage_gb"),
                catalog(region(r), "Compute Engine", "Storage").regex("description", "^Storage Image"))));
        // BigQuery's first TiB of queries and first 10 GiB of storage a month are free: the paid tiers price them
        pricers.put("google_bigquery_dataset", r -> List.of(Component.usage("Queries (on-demand)", "TiB", r.usage("monthly_queries_tb"),
                catalog(location(r), "BigQuery", "ApplicationServices").attr("description", "Analysis (" + location(r) + ")").tier("1"))));
        pricers.put("google_bigquery_table", r -> {
            ProductQuery bq = catalog(location(r), "BigQuery", "ApplicationServices");
            return List.of(
                    Component.usage("Active storage", "GiB", r.usage("monthly_active_storage_gb"),
                            bq.attr("description", "Active Logical Storage (" + location(r) + ")").tier("10")),
                    Component.usage("Long-term storage", "GiB", r.usage("monthly_long_term_storage_gb"),
                            bq.attr("description", "Long Term Logical Storage (" + location(r) + ")").tier("10")));
        });
        // Artifact Registry storage is priced the same everywhere, from 0.5 GB (what is below is free)
        pricers.put("google_artifact_registry_repository", r -> List.of(Component.usage("Storage", "GB", r.usage("storage_gb"),
                catalog(null, "Artifact Registry", "ApplicationServices").anyRegion().attr("description", "Artifact Registry Storage")
                        .attr("resourceGroup", "Storage").tier("0.5"))));
        pricers.put("google_compute_instance_group_manager", GoogleServicePricers::instanceGroup);
        pricers.put("google_compute_region_instance_group_manager", GoogleServicePricers::instanceGroup);
    }

    /** Capacity by the GB-hour, at the rate of the tier (M1 to M5) its size falls in, Basic or Standard (HA). */
    private static List<Component> redis(Resource r) {
        String tier = r.text("tier", "BASIC").equalsIgnoreCase("STANDARD_HA") ? "Standard" : "Basic";
        BigDecimal gb = r.number("memory_size_gb", BigDecimal.ONE);
        int size = gb.intValue();
        String capacity = size <= 4 ? "M1" : size <= 10 ? "M2" : size <= 35 ? "M3" : size <= 100 ? "M4" : "M5";
        return List.of(Component.hourly("Redis instance (" + tier.toLowerCase(Locale.ROOT) + ", " + capacity + ")", gb,
                catalog(region(r), "Cloud Memorystore for Redis", "ApplicationServices")
                        .regex("description", "^Redis Capacity " + tier + " " + capacity + "( |$)")).withUnit("GB-hours"));
    }

    /** BigQuery prices by location as the dataset names it (US, EU, us-central1), lower-cased. */
    private static String location(Resource r) {
        String location = r.text("location", r.region() == null ? "us" : r.region());
        return location.toLowerCase(Locale.ROOT);
    }

    /** {@code target_size} instances of the template's machine type, each with the template's disks. */
    private static List<Component> instanceGroup(Resource r) {
        BigDecimal size = r.number("target_size", BigDecimal.ZERO);
        String reference = Resource.text(r.block("version"), "instance_template", r.text("instance_template", null));
        JsonNode template = r.neighbours().instanceTemplate(reference).orElse(null);
        JsonNode scheduling = Resource.block(template, "scheduling");
        boolean spot = Resource.text(scheduling, "provisioning_model", "STANDARD").equalsIgnoreCase("SPOT")
                || "true".equalsIgnoreCase(Resource.text(scheduling, "preemptible", "false"));
        List<Component> components = new ArrayList<>();
        components.add(GooglePricers.machine(region(r), Resource.text(template, "machine_type", "unknown"), spot, size));
        if (template != null && template.get("disk") != null) {
            int i = 0;
            for (JsonNode disk : template.get("disk")) {
                components.add(GooglePricers.disk(region(r), Resource.text(disk, "disk_type", "pd-standard"),
                        Resource.number(disk, "disk_size_gb", BigDecimal.TEN).multiply(size)).named("disk[" + i++ + "]: "));
            }
        }
        return components;
    }
}
