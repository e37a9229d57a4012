package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.GooglePricers.catalog;
import static com.stategraph.billing.estimates.GooglePricers.region;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Google Cloud networking: external addresses, Cloud NAT, forwarding rules, VPN tunnels and DNS
 * record sets (the filters are those Infracost uses, as facts).
 */
final class GoogleNetworkPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    /** Cloud NAT charges per VM up to 32 VMs a gateway, then a flat rate: the per-VM price covers the first 32. */
    private static final BigDecimal NAT_PER_VM_LIMIT = BigDecimal.valueOf(32);

    private GoogleNetworkPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "google_compute_address", Set.of("address_type", "purpose", "users"),
            "google_compute_router_nat", Set.of(),
            "google_compute_forwarding_rule", Set.of(),
            "google_compute_vpn_tunnel", Set.of(),
            "google_dns_record_set", Set.of());

    static void register(Map<String, Pricer> pricers) {
        pricers.put("google_compute_address", GoogleNetworkPricers::address);
        pricers.put("google_compute_router_nat", r -> {
            ProductQuery nat = catalog(region(r), "Compute Engine", "Network");
            return List.of(
                    Component.usage("Assigned VMs (first 32)", "VM-hours", r.usage("assigned_vms").min(NAT_PER_VM_LIMIT)
                            .multiply(Component.HOURS_A_MONTH), nat.regex("description", "^NAT Gateway: Uptime charge")),
                    Component.usage("Data processed", "GB", r.usage("monthly_data_processed_gb"),
                            nat.regex("description", "^NAT Gateway: Data processing charge")));
        });
        pricers.put("google_compute_forwarding_rule", r -> {
            ProductQuery lb = catalog(region(r), "Compute Engine", "Network");
            return List.of(
                    Component.hourly("Forwarding rules", ONE, lb.regex("description", "^Network Load Balancing: Forwarding Rule Additional")),
                    Component.usage("Ingress data", "GB", r.usage("monthly_ingress_data_gb"),
                            lb.regex("description", "^Network Load Balancing: Data Processing Charge")));
        });
        pricers.put("google_compute_vpn_tunnel", r -> List.of(Component.hourly("VPN tunnel", ONE,
                catalog(region(r), "Compute Engine", "Network").attr("resourceGroup", "VPNTunnel"))));
        pricers.put("google_dns_record_set", r -> List.of(Component.usage("Queries", "queries", r.usage("monthly_queries"),
                catalog("global", "Cloud DNS", "Network").attr("description", "DNS Query (port 53)"))));
    }

    /**
     * An internal address, or one reserved for a purpose other than a VM's endpoint, is free. An external address in use
     * ({@code users}) is charged at the standard VM rate (its paid tier, from 696 hours), one not in use at the static rate.
     */
    private static List<Component> address(Resource r) {
        String purpose = r.text("purpose", "");
        if (r.text("address_type", "EXTERNAL").equalsIgnoreCase("INTERNAL")
                || (!purpose.isEmpty() && !purpose.toUpperCase(Locale.ROOT).equals("GCE_ENDPOINT"))) {
            return List.of();
        }
        if (!r.texts("users").isEmpty()) {
            return List.of(Component.hourly("IP address (in use)", ONE, catalog("global", "Compute Engine", "Network")
                    .attr("description", "External IP Charge on a Standard VM").tier("696")));
        }
        return List.of(Component.hourly("IP address (unused)", ONE, catalog(region(r), "Compute Engine", "Network")
                .regex("description", "^Static Ip Charge")));
    }
}
