package com.stategraph.billing.support;

import static com.stategraph.billing.support.EstimateFixture.BOOK;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;

import com.stategraph.billing.support.PriceBooks.Price;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The Google Cloud part of {@link EstimateFixture}: products as the dump holds them, the decoys a careless filter picks, and what each resource must cost. */
final class GoogleFixture {
    private GoogleFixture() {
    }

    /** A Google catalog product as the dump holds it: priced {@code OnDemand}, with an {@code on_demand} decoy a careless filter picks. */
    private static void catalog(String region, String service, String family, Map<String, String> attributes, String unit, String usd) {
        BOOK.product("gcp", region, service, family, attributes, Price.of("OnDemand", unit, usd),
                Price.of("on_demand", unit, new BigDecimal(usd).multiply(BigDecimal.valueOf(3)).toPlainString()));
    }

    static void add() {
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
        // Inline node pools, each with its own count (x the cluster's 2 zones) and machine. "batch" is also a
        // google_container_node_pool of the state (the provider lists such pools in the cluster too): priced once, as itself,
        // a spot pool at the preemptible price.
        STATE.managed("google_container_cluster", "pools", "google", Map.of("id", "projects/p/locations/us-central1/clusters/pools",
                "name", "pools", "location", r, "node_locations", List.of("us-central1-a", "us-central1-b"),
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
        STATE.managed("google_container_node_pool", "batch", "google", Map.of("id", "projects/p/locations/us-central1/clusters/pools/"
                + "nodePools/batch", "cluster", "projects/p/locations/us-central1/clusters/pools", "name", "batch", "location", r,
                "node_locations", List.of("us-central1-a", "us-central1-b"), "node_count", 3,
                "node_config", List.of(Map.of("machine_type", "e2-medium", "spot", true, "disk_type", "pd-balanced", "disk_size_gb", 20))));
        expectHourly("google_container_node_pool.batch", "Instance usage (Linux/UNIX, spot, e2-medium)", "6", "0.010051");
        expect("google_container_node_pool.batch", "Provisioned storage (pd-balanced)", "120", "0.1");
        // a pool of its own with autoscaling: its minimum a zone, in a zonal cluster's one zone
        STATE.managed("google_container_node_pool", "scaled", "google", Map.of("id", "projects/p/locations/us-central1-a/clusters/z/"
                + "nodePools/scaled", "cluster", "z", "name", "scaled", "location", "us-central1-a", "node_count", 4,
                "autoscaling", List.of(Map.of("min_node_count", 2, "max_node_count", 6)),
                "node_config", List.of(Map.of("machine_type", "e2-standard-4"))));
        expectHourly("google_container_node_pool.scaled", "Instance usage (Linux/UNIX, on-demand, e2-standard-4)", "2", "0.134012");
        expect("google_container_node_pool.scaled", "Provisioned storage (pd-standard)", "200", "0.04");

        catalog("us", "Cloud Storage", "Storage", Map.of("description", "Standard Storage US Multi-region"), "GiBy.mo", "0.026");
        catalog("us", "Cloud Storage", "Storage", Map.of("description", "Nearline Storage US Multi-region"), "GiBy.mo", "0.015");
        STATE.managed("google_storage_bucket", "assets", "google", Map.of("id", "assets", "location", "US", "storage_class", "STANDARD"));
        expect("google_storage_bucket.assets", "Storage (STANDARD)", "0", "0.026");

        catalog("global", "Cloud DNS", "Network", Map.of("description", "ManagedZone"), "mo", "0.20");
        catalog("global", "Cloud DNS", "Network", Map.of("description", "ManagedZone Query"), "count", "0.0000004");
        STATE.managed("google_dns_managed_zone", "public", "google", Map.of("id", "projects/p/managedZones/public", "name", "public"));
        expect("google_dns_managed_zone.public", "Managed zone", "1", "0.20");

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
}
