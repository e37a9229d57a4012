package com.stategraph.billing.support;

import static com.stategraph.billing.support.EstimateFixture.BOOK;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;

import com.stategraph.billing.support.PriceBooks.Price;
import java.util.List;
import java.util.Map;

/**
 * Google addresses, Cloud NAT, forwarding rules, VPN tunnels, DNS queries, Memorystore, snapshots,
 * images, BigQuery, Artifact Registry and instance groups: us-central1 (Iowa) list prices as the dump
 * holds them ({@code OnDemand}, free tiers first), with decoys.
 */
final class GoogleServicesFixture {
    private GoogleServicesFixture() {
    }

    private static void catalog(String region, String service, String family, Map<String, String> attributes, String unit, String usd) {
        BOOK.product("gcp", region, service, family, attributes, Price.of("OnDemand", unit, usd));
    }

    /** A product whose first {@code free} units cost nothing: the paid tier starts there. */
    private static void freeFirst(String region, String service, String family, Map<String, String> attributes, String unit,
                                  String free, String usd) {
        BOOK.product("gcp", region, service, family, attributes, Price.of("OnDemand", unit, "0").to(free),
                Price.of("OnDemand", unit, usd).from(free));
    }

    static void add() {
        String r = "us-central1";
        freeFirst("global", "Compute Engine", "Network", Map.of("description", "External IP Charge on a Standard VM"), "h", "696", "0.005");
        catalog("global", "Compute Engine", "Network", Map.of("description", "External IP Charge on a Spot Preemptible VM"), "h", "0.0025");
        catalog(r, "Compute Engine", "Network", Map.of("description", "Static Ip Charge"), "h", "0.01");
        catalog("us-east1", "Compute Engine", "Network", Map.of("description", "Static Ip Charge"), "h", "0.0101");
        STATE.managed("google_compute_address", "web", "google", Map.of("id", "projects/p/regions/us-central1/addresses/web",
                "region", r, "address_type", "EXTERNAL", "users", List.of("https://www.googleapis.com/compute/v1/projects/p/zones/"
                        + "us-central1-a/instances/vm")));
        expectHourly("google_compute_address.web", "IP address (in use)", "1", "0.005");
        STATE.managed("google_compute_address", "spare", "google", Map.of("id", "projects/p/regions/us-central1/addresses/spare",
                "region", r, "address_type", "EXTERNAL", "users", List.of()));
        expectHourly("google_compute_address.spare", "IP address (unused)", "1", "0.01");
        // an internal address is free
        STATE.managed("google_compute_address", "internal", "google", Map.of("id", "projects/p/regions/us-central1/addresses/internal",
                "region", r, "address_type", "INTERNAL"));

        catalog(r, "Compute Engine", "Network", Map.of("description", "NAT Gateway: Uptime charge"), "h", "0.0014");
        catalog(r, "Compute Engine", "Network", Map.of("description", "NAT Gateway: Data processing charge"), "GiBy", "0.045");
        STATE.managed("google_compute_router_nat", "nat", "google", Map.of("id", "p/us-central1/router/nat", "region", r));
        expect("google_compute_router_nat.nat", "Assigned VMs (first 32)", "0", "0.0014");
        expect("google_compute_router_nat.nat", "Data processed", "0", "0.045");

        // the minimum charge (first five rules) is a decoy for the additional rule's price
        catalog(r, "Compute Engine", "Network", Map.of("description", "Network Load Balancing: Forwarding Rule Additional Service Charge"),
                "h", "0.01");
        catalog(r, "Compute Engine", "Network", Map.of("description", "Network Load Balancing: Forwarding Rule Minimum Service Charge"),
                "h", "0.025");
        catalog(r, "Compute Engine", "Network", Map.of("description", "Network Load Balancing: Data Processing Charge"), "GiBy", "0.008");
        STATE.managed("google_compute_forwarding_rule", "lb", "google", Map.of("id", "projects/p/regions/us-central1/forwardingRules/lb",
                "region", r));
        expectHourly("google_compute_forwarding_rule.lb", "Forwarding rules", "1", "0.01");
        expect("google_compute_forwarding_rule.lb", "Ingress data", "0", "0.008");

        catalog(r, "Compute Engine", "Network", Map.of("description", "VPN Tunnel", "resourceGroup", "VPNTunnel"), "h", "0.05");
        catalog(r, "Compute Engine", "Network", Map.of("description", "VPN Internet Egress", "resourceGroup", "VPNInternetEgress"),
                "GiBy", "0.12");
        STATE.managed("google_compute_vpn_tunnel", "office", "google", Map.of("id", "projects/p/regions/us-central1/vpnTunnels/office",
                "region", r));
        expectHourly("google_compute_vpn_tunnel.office", "VPN tunnel", "1", "0.05");

        BOOK.product("gcp", "global", "Cloud DNS", "Network", Map.of("description", "DNS Query (port 53)"),
                Price.of("OnDemand", "count", "0.0000004").to("1000000000"), Price.of("OnDemand", "count", "0.0000002").from("1000000000"));
        STATE.managed("google_dns_record_set", "www", "google", Map.of("id", "projects/p/managedZones/z/rrsets/www.example.com./A"));
        expect("google_dns_record_set.www", "Queries", "0", "0.0000004");

        catalog(r, "Cloud Memorystore for Redis", "ApplicationServices", Map.of("description", "Redis Capacity Basic M1 Iowa"), "GiBy.h",
                "0.049");
        catalog(r, "Cloud Memorystore for Redis", "ApplicationServices", Map.of("description", "Redis Capacity Standard M1 Iowa"),
                "GiBy.h", "0.064");
        catalog(r, "Cloud Memorystore for Redis", "ApplicationServices", Map.of("description", "Redis Capacity Standard M2 Iowa"),
                "GiBy.h", "0.035");
        catalog(r, "Cloud Memorystore for Redis", "ApplicationServices", Map.of("description", "Redis Capacity Basic M2 Iowa"), "GiBy.h",
                "0.027");
        catalog(r, "Cloud Memorystore for Redis", "ApplicationServices", Map.of("description", "Redis Capacity Standard M3 Iowa"),
                "GiBy.h", "0.046");
        STATE.managed("google_redis_instance", "sessions25", "google", Map.of("id", "projects/p/locations/us-central1/instances/s25",
                "region", r, "tier", "STANDARD_HA", "memory_size_gb", 25));
        expectHourly("google_redis_instance.sessions25", "Redis instance (standard, M3)", "25", "0.046");
        STATE.managed("google_redis_instance", "cache", "google", Map.of("id", "projects/p/locations/us-central1/instances/cache",
                "region", r, "tier", "BASIC", "memory_size_gb", 4));
        expectHourly("google_redis_instance.cache", "Redis instance (basic, M1)", "4", "0.049");
        STATE.managed("google_redis_instance", "sessions", "google", Map.of("id", "projects/p/locations/us-central1/instances/sessions",
                "region", r, "tier", "STANDARD_HA", "memory_size_gb", 5));
        expectHourly("google_redis_instance.sessions", "Redis instance (standard, M2)", "5", "0.035");

        freeFirst(r, "Compute Engine", "Storage", Map.of("description", "Storage PD Snapshot"), "GiBy.mo", "5", "0.026");
        catalog(r, "Compute Engine", "Storage", Map.of("description", "Regional Storage PD Snapshot"), "GiBy.mo", "0.05");
        catalog(r, "Compute Engine", "Storage", Map.of("description", "Storage Image"), "GiBy.mo", "0.05");
        STATE.managed("google_compute_snapshot", "nightly", "google", Map.of("id", "projects/p/global/snapshots/nightly", "zone",
                "us-central1-a"));
        expect("google_compute_snapshot.nightly", "Storage", "0", "0.026");
        STATE.managed("google_compute_image", "golden", "google", Map.of("id", "projects/p/global/images/golden", "region", r));
        expect("google_compute_image.golden", "Storage", "0", "0.05");

        freeFirst(r, "BigQuery", "ApplicationServices", Map.of("description", "Analysis (us-central1)"), "TiBy", "1", "6.25");
        freeFirst(r, "BigQuery", "ApplicationServices", Map.of("description", "Active Logical Storage (us-central1)"), "GiBy.mo", "10",
                "0.02");
        freeFirst(r, "BigQuery", "ApplicationServices", Map.of("description", "Long Term Logical Storage (us-central1)"), "GiBy.mo", "10",
                "0.01");
        catalog(r, "BigQuery", "ApplicationServices", Map.of("description", "Active Physical Storage (us-central1)"), "GiBy.mo", "0.04");
        STATE.managed("google_bigquery_dataset", "analytics", "google", Map.of("id", "projects/p/datasets/analytics", "location", r));
        expect("google_bigquery_dataset.analytics", "Queries (on-demand)", "0", "6.25");
        STATE.managed("google_bigquery_table", "events", "google", Map.of("id", "projects/p/datasets/analytics/tables/events",
                "location", r));
        expect("google_bigquery_table.events", "Active storage", "0", "0.02");
        expect("google_bigquery_table.events", "Long-term storage", "0", "0.01");

        freeFirst("global", "Artifact Registry", "ApplicationServices", Map.of("description", "Artifact Registry Storage",
                "resourceGroup", "Storage"), "GiBy.mo", "0.5", "0.10");
        catalog("global", "Artifact Registry", "Network", Map.of("description", "Artifact Registry Network Inter Region Egress",
                "resourceGroup", "InterregionEgress"), "GiBy", "0.01");
        STATE.managed("google_artifact_registry_repository", "images", "google", Map.of("id",
                "projects/p/locations/us-central1/repositories/images", "location", r));
        expect("google_artifact_registry_repository.images", "Storage", "0", "0.10");

        // instance groups launch from a template of the state: its machine type and disks, times the target size
        STATE.managed("google_compute_instance_template", "web", "google", Map.of("id", "projects/p/global/instanceTemplates/web-tpl",
                "name", "web-tpl", "self_link", "https://www.googleapis.com/compute/v1/projects/p/global/instanceTemplates/web-tpl",
                "machine_type", "e2-standard-2", "disk", List.of(Map.of("disk_type", "pd-balanced", "disk_size_gb", 20, "boot", true))));
        STATE.managed("google_compute_instance_group_manager", "web", "google", Map.of("id",
                "projects/p/zones/us-central1-a/instanceGroupManagers/web", "zone", "us-central1-a", "target_size", 3,
                "version", List.of(Map.of("instance_template",
                        "https://www.googleapis.com/compute/v1/projects/p/global/instanceTemplates/web-tpl"))));
        expectHourly("google_compute_instance_group_manager.web", "Instance usage (Linux/UNIX, on-demand, e2-standard-2)", "3",
                "0.067006");
        expect("google_compute_instance_group_manager.web", "disk[0]: Provisioned storage (pd-balanced)", "60", "0.1");
        STATE.managed("google_compute_region_instance_group_manager", "api", "google", Map.of("id",
                "projects/p/regions/us-central1/instanceGroupManagers/api", "region", r, "target_size", 2,
                "version", List.of(Map.of("instance_template", "projects/p/global/instanceTemplates/web-tpl"))));
        expectHourly("google_compute_region_instance_group_manager.api", "Instance usage (Linux/UNIX, on-demand, e2-standard-2)", "2",
                "0.067006");
        expect("google_compute_region_instance_group_manager.api", "disk[0]: Provisioned storage (pd-balanced)", "40", "0.1");
    

        // KMS: the key ring's location prices the key; asymmetric and HSM rows are decoys
        catalog(r, "Cloud Key Management Service (KMS)", "ApplicationServices", Map.of("description",
                "Active software symmetric key versions"), "mo", "0.06");
        catalog(r, "Cloud Key Management Service (KMS)", "ApplicationServices", Map.of("description", "HSM symmetric key versions"),
                "mo", "1.00");
        catalog(r, "Cloud Key Management Service (KMS)", "ApplicationServices", Map.of("description",
                "Cryptographic operations with a software symmetric key"), "count", "0.000003");
        catalog(r, "Cloud Key Management Service (KMS)", "ApplicationServices", Map.of("description",
                "Software asymmetric key versions"), "mo", "0.061");
        STATE.managed("google_kms_crypto_key", "data", "google", Map.of("id", "projects/p/locations/us-central1/keyRings/main/cryptoKeys/data",
                "key_ring", "projects/p/locations/us-central1/keyRings/main"));
        expect("google_kms_crypto_key.data", "Key versions", "1", "0.06");
        expect("google_kms_crypto_key.data", "Operations", "0", "0.000003");

        // Pub/Sub subscriptions: delivery from its paid tier (the topic's fixture holds it), storage by description
        catalog("global", "Cloud Pub/Sub", "ApplicationServices", Map.of("description", "Subscriptions retained acknowledged messages"),
                "GiBy.mo", "0.27");
        catalog("global", "Cloud Pub/Sub", "ApplicationServices", Map.of("description", "Snapshots message backlog"), "GiBy.mo", "0.27");
        STATE.managed("google_pubsub_subscription", "orders", "google", Map.of("id", "projects/p/subscriptions/orders"));
        expect("google_pubsub_subscription.orders", "Message delivery data", "0", "40");
        expect("google_pubsub_subscription.orders", "Retained acknowledged message storage", "0", "0.27");
        expect("google_pubsub_subscription.orders", "Snapshot message backlog storage", "0", "0.27");

        // Log volume beyond the free 50 GiB, whichever sink or bucket routes it
        freeFirst("global", "Cloud Logging", "ApplicationServices", Map.of("description", "Log Volume"), "GiBy", "50", "0.50");
        catalog("global", "Cloud Logging", "ApplicationServices", Map.of("description", "Log Storage"), "GiBy.mo", "0.01");
        STATE.managed("google_logging_project_sink", "audit", "google", Map.of("id", "projects/p/sinks/audit"));
        expect("google_logging_project_sink.audit", "Logging data", "0", "0.50");
        STATE.managed("google_logging_project_bucket_config", "keep", "google", Map.of("id",
                "projects/p/locations/global/buckets/keep"));
        expect("google_logging_project_bucket_config.keep", "Logging data", "0", "0.50");
        for (String type : List.of("google_logging_folder_sink", "google_logging_organization_sink", "google_logging_billing_account_sink",
                "google_logging_folder_bucket_config", "google_logging_organization_bucket_config",
                "google_logging_billing_account_bucket_config")) {
            STATE.managed(type, "x", "google", Map.of("id", type + "/x"));
            expect(type + ".x", "Logging data", "0", "0.50");
        }

        BOOK.product("gcp", "global", "Cloud Monitoring", "ApplicationServices", Map.of("description", "Metric Volume"),
                Price.of("OnDemand", "MiBy", "0").to("150"), Price.of("OnDemand", "MiBy", "0.258").from("150").to("100000"),
                Price.of("OnDemand", "MiBy", "0.151").from("100000").to("250000"), Price.of("OnDemand", "MiBy", "0.061").from("250000"));
        freeFirst("global", "Cloud Monitoring", "ApplicationServices", Map.of("description", "Monitoring API Requests"), "count",
                "1000000", "0.00001");
        STATE.managed("google_monitoring_metric_descriptor", "latency", "google", Map.of("id",
                "projects/p/metricDescriptors/custom.googleapis.com/latency"));
        expect("google_monitoring_metric_descriptor.latency", "Monitoring data (first 100K)", "0", "0.258");
        expect("google_monitoring_metric_descriptor.latency", "API calls", "0", "0.00001");
    }
}
