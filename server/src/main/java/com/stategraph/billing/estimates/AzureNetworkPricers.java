package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.AzurePricers.payAsYouGo;
import static com.stategraph.billing.estimates.AzurePricers.region;

import com.stategraph.billing.estimates.UsageTiers.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Azure networking: NAT gateways, firewalls, Bastion hosts, private endpoints, DNS zones and
 * Standard load balancers (the filters are those Infracost uses, as facts).
 */
final class AzureNetworkPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    /** DNS zones are priced in Azure's DNS zone 1 (Government, Germany and China have their own). */
    private static final String DNS_ZONE_1 = "Zone 1";

    private AzureNetworkPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "azurerm_nat_gateway", Set.of(),
            "azurerm_firewall", Set.of("sku_name", "sku_tier"),
            "azurerm_bastion_host", Set.of("sku"),
            "azurerm_private_endpoint", Set.of(),
            "azurerm_dns_zone", Set.of(),
            "azurerm_private_dns_zone", Set.of(),
            "azurerm_lb", Set.of("sku"),
            "azurerm_application_gateway", Set.of("sku", "autoscale_configuration"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("azurerm_nat_gateway", r -> {
            ProductQuery nat = payAsYouGo(region(r), "NAT Gateway", "Networking");
            return List.of(
                    Component.hourly("NAT gateway", ONE, nat.attr("meterName", "Standard Gateway")),
                    Component.usage("Data processed", "GB", r.usage("monthly_data_processed_gb"),
                            nat.attr("meterName", "Standard Data Processed")));
        });
        pricers.put("azurerm_firewall", AzureNetworkPricers::firewall);
        pricers.put("azurerm_bastion_host", r -> {
            String sku = AzurePricers.capitalised(r.text("sku", "Basic"));
            return List.of(Component.hourly("Bastion host (" + sku + ")", ONE, payAsYouGo(region(r), "Azure Bastion", "Networking")
                    .attr("skuName", sku).attr("meterName", sku + " Gateway")));
        });
        pricers.put("azurerm_private_endpoint", AzureNetworkPricers::privateEndpoint);
        pricers.put("azurerm_application_gateway", AzureNetworkPricers::applicationGateway);
        pricers.put("azurerm_dns_zone", r -> List.of(hostedZone()));
        pricers.put("azurerm_private_dns_zone", r -> List.of(hostedZone()));
        // a Basic load balancer is free; a Standard one is charged for the data it processes, at one global price
        pricers.put("azurerm_lb", r -> r.text("sku", "Basic").equalsIgnoreCase("Basic") ? List.of()
                : List.of(Component.usage("Data processed", "GB", r.usage("monthly_data_processed_gb"),
                        payAsYouGo("Global", "Load Balancer", "Networking").attr("skuName", "Standard")
                                .regex("meterName", "Data Processed$"))));
    }

    /**
     * v2 gateways (Standard_v2, WAF_v2): a fixed hourly fee and capacity units (`sku.capacity`, else the autoscaling
     * minimum, else 1); v1 gateways: instances of their size by the hour, and the data they process.
     */
    private static List<Component> applicationGateway(Resource r) {
        String name = Resource.text(r.block("sku"), "name", "Standard_v2");
        String[] parts = name.split("_");
        boolean standard = parts[0].equalsIgnoreCase("Standard");
        String size = parts.length > 1 ? parts[1].toLowerCase(java.util.Locale.ROOT) : "";
        BigDecimal capacity = Resource.number(r.block("sku"), "capacity", BigDecimal.ZERO);
        if (capacity.signum() <= 0) {
            capacity = Resource.number(r.block("autoscale_configuration"), "min_capacity", ONE).max(ONE);
        }
        ProductQuery gateway = payAsYouGo(region(r), "Application Gateway", "Networking");
        if (size.equals("v2")) {
            String tier = standard ? "standard v2" : "WAF v2";
            ProductQuery v2 = gateway.regex("productName", "Application Gateway " + tier + "$");
            return List.of(
                    Component.hourly("Gateway usage (" + (standard ? "basic v2" : "WAF v2") + ")", ONE, v2.regex("meterName", "Fixed Cost$")),
                    Component.hourly("V2 capacity units (" + (standard ? "basic" : "WAF") + ")", capacity,
                            v2.regex("meterName", "Capacity Units$")).withUnit("CU-hours"));
        }
        String tier = standard ? "basic" : "WAF";
        return List.of(
                Component.hourly("Gateway usage (" + tier + ", " + size + ")", capacity, gateway.regex("productName", tier + " Application Gateway$")
                        .regex("meterName", size + " Gateway$")),
                Component.usage("Data processing (0-10TB)", "GB", r.usage("monthly_data_processed_gb"),
                        gateway.regex("meterName", size + " Data Processed")));
    }

    private static Component hostedZone() {
        return Component.monthly("Hosted zone", "months", ONE, payAsYouGo(DNS_ZONE_1, "Azure DNS", "Networking")
                .regex("meterName", "Public Zones?$"));
    }

    /** Its deployment by the hour and the data it processes, by tier (Basic, Standard, Premium; a hub's secured tier). */
    private static List<Component> firewall(Resource r) {
        String tier = AzurePricers.capitalised(r.text("sku_tier", "Standard"));
        if (r.text("sku_name", "AZFW_VNet").equalsIgnoreCase("AZFW_Hub")) {
            tier = tier + " Secured Virtual Hub";
        }
        ProductQuery firewall = payAsYouGo(region(r), "Azure Firewall", "Networking").attr("skuName", tier);
        return List.of(
                Component.hourly("Deployment (" + tier + ")", ONE, firewall.attr("meterName", tier + " Deployment")),
                Component.usage("Data processed", "GB", r.usage("monthly_data_processed_gb"),
                        firewall.attr("meterName", tier + " Data Processed")));
    }

    /** The endpoint by the hour, and inbound and outbound data in Azure's tiers (1 PB, 4 PB, above). */
    private static List<Component> privateEndpoint(Resource r) {
        ProductQuery link = payAsYouGo(region(r), "Virtual Network", "Networking").attr("productName", "Virtual Network Private Link");
        List<Tier> tiers = List.of(new Tier("first 1PB", 0), new Tier("next 4PB", 1_000_000L), new Tier("over 5PB", 5_000_000L));
        List<Component> components = new ArrayList<>();
        components.add(Component.hourly("Private endpoint", ONE, link.attr("meterName", "Standard Private Endpoint")));
        components.addAll(UsageTiers.split("Inbound data processed", "GB", r.usage("monthly_inbound_data_processed_gb"), tiers,
                start -> link.attr("meterName", "Standard Data Processed - Ingress").tier(start)));
        components.addAll(UsageTiers.split("Outbound data processed", "GB", r.usage("monthly_outbound_data_processed_gb"), tiers,
                start -> link.attr("meterName", "Standard Data Processed - Egress").tier(start)));
        return components;
    }
}
