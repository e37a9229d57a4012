package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.AzurePricers.capitalised;
import static com.stategraph.billing.estimates.AzurePricers.payAsYouGo;
import static com.stategraph.billing.estimates.AzurePricers.region;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Azure messaging and app front doors: Service Bus namespaces, API Management, VPN gateways and
 * SignalR (the filters are those Infracost uses, as facts).
 */
final class AzureAppPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private AzureAppPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "azurerm_servicebus_namespace", Set.of("sku", "capacity"),
            "azurerm_api_management", Set.of("sku_name"),
            "azurerm_virtual_network_gateway", Set.of("sku", "type"),
            "azurerm_signalr_service", Set.of("sku"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("azurerm_servicebus_namespace", AzureAppPricers::serviceBus);
        pricers.put("azurerm_api_management", AzureAppPricers::apiManagement);
        pricers.put("azurerm_virtual_network_gateway", r -> {
            if (r.text("type", "Vpn").equalsIgnoreCase("ExpressRoute")) {
                return List.of(Component.hourly("ExpressRoute gateway (" + r.text("sku", "Standard") + ")", ONE, null));
            }
            String sku = r.text("sku", "Basic");
            return List.of(Component.hourly("VPN gateway (" + sku + ")", ONE, payAsYouGo(region(r), "VPN Gateway", null)
                    .attr("meterName", sku.equalsIgnoreCase("Basic") ? "Basic Gateway" : sku)));
        });
        pricers.put("azurerm_signalr_service", AzureAppPricers::signalR);
    }

    /** Basic: operations only; Standard: a base charge by the hour; Premium: messaging units by the hour. */
    private static List<Component> serviceBus(Resource r) {
        String sku = capitalised(r.text("sku", "Basic"));
        ProductQuery bus = payAsYouGo(region(r), "Service Bus", "Integration").attr("skuName", sku);
        return switch (sku) {
            case "Premium" -> List.of(Component.hourly("Messaging units", r.number("capacity", ONE),
                    bus.regex("meterName", "Messaging Unit$")).withUnit("unit-hours"));
            case "Standard" -> List.of(Component.hourly("Base charge", ONE, bus.regex("meterName", "Base Unit$")));
            default -> List.of(Component.usage("Messaging operations", "1M operations",
                    r.usage("monthly_messaging_operations").divide(MILLION), bus.regex("meterName", "Messaging Operations$")));
        };
    }

    /** A tier's units by the hour (Developer_1, Premium_2); the Consumption tier by the 10,000 calls, the first million free. */
    private static List<Component> apiManagement(Resource r) {
        String[] sku = r.text("sku_name", "Developer_1").split("_");
        String tier = sku[0].toLowerCase(Locale.ROOT);
        ProductQuery apim = payAsYouGo(region(r), "API Management", "Developer Tools");
        if (tier.equals("consumption")) {
            return List.of(Component.usage("API calls (consumption)", "10k calls", r.usage("monthly_api_calls").divide(TEN_THOUSAND),
                    apim.regex("skuName", "^consumption$").tier("100")));
        }
        BigDecimal units = sku.length > 1 && sku[1].matches("\\d+") ? new BigDecimal(sku[1]) : ONE;
        return List.of(Component.hourly("API management (" + tier + ")", units, apim.regex("skuName", "^" + tier + "$")
                .regex("meterName", "^" + tier + " unit$")).withUnit("unit-hours"));
    }

    /** Units priced by the day (Standard_S1, capacity 1 unit); Free is free. */
    private static List<Component> signalR(Resource r) {
        String name = Resource.text(r.block("sku"), "name", "Standard_S1");
        String tier = capitalised(name.contains("_") ? name.substring(0, name.indexOf('_')) : name);
        if (tier.equals("Free")) {
            return List.of();
        }
        BigDecimal units = Resource.number(r.block("sku"), "capacity", ONE);
        return List.of(Component.monthly("Service usage (" + tier + ")", "unit-days", units.multiply(Component.DAYS_A_MONTH),
                payAsYouGo(region(r), "SignalR", "Analytics").attr("meterName", tier + " Unit")));
    }
}
