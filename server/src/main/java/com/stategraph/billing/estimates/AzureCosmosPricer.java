package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.AzurePricers.payAsYouGo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Cosmos DB databases, containers, collections, keyspaces, tables and graphs: throughput in every
 * location of their account (provisioned, autoscale or serverless) and transactional storage. The
 * account itself is free; its locations and write model come from the account of the same state
 * that {@code account_name} names (the filters are those Infracost uses, as facts).
 */
final class AzureCosmosPricer {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** Zone-redundant single-write accounts pay 25 % more for throughput; autoscale is billed at 1.5x the standard rate. */
    private static final BigDecimal ZONE_REDUNDANT = new BigDecimal("1.25");
    private static final BigDecimal AUTOSCALE = new BigDecimal("1.5");

    static final List<String> TYPES = List.of("azurerm_cosmosdb_sql_database", "azurerm_cosmosdb_sql_container",
            "azurerm_cosmosdb_mongo_database", "azurerm_cosmosdb_mongo_collection", "azurerm_cosmosdb_cassandra_keyspace",
            "azurerm_cosmosdb_cassandra_table", "azurerm_cosmosdb_gremlin_database", "azurerm_cosmosdb_gremlin_graph",
            "azurerm_cosmosdb_table");

    private AzureCosmosPricer() {
    }

    static final Map<String, Set<String>> READS = reads();

    private static Map<String, Set<String>> reads() {
        Map<String, Set<String>> reads = new HashMap<>();
        TYPES.forEach(t -> reads.put(t, Set.of("account_name", "throughput", "autoscale_settings")));
        // free itself, but its databases read these
        reads.put("azurerm_cosmosdb_account", Set.of("name", "geo_location", "enable_multiple_write_locations"));
        return Map.copyOf(reads);
    }

    static void register(Map<String, Pricer> pricers) {
        TYPES.forEach(t -> pricers.put(t, AzureCosmosPricer::throughputAndStorage));
    }

    /** Usage keys every Cosmos type takes, for {@link UsageKeys}. */
    static Map<String, String> usageKeys() {
        return Map.of("max_request_units_utilization_percentage", "average share of the autoscale maximum used, in percent",
                "monthly_serverless_request_units", "request units a month (serverless accounts)",
                "storage_gb", "GB stored in each location");
    }

    private record Location(String region, boolean zoneRedundant) {
    }

    private static List<Component> throughputAndStorage(Resource r) {
        JsonNode account = r.neighbours().cosmosAccount(r.text("account_name", null)).orElse(null);
        List<Location> locations = new ArrayList<>();
        if (account != null && account.get("geo_location") != null) {
            account.get("geo_location").forEach(g -> locations.add(new Location(normalised(Resource.text(g, "location", null)),
                    "true".equalsIgnoreCase(Resource.text(g, "zone_redundant", "false")))));
        }
        if (locations.isEmpty()) {
            locations.add(new Location(normalised(r.region()), false));
        }
        boolean multiWrite = account != null && "true".equalsIgnoreCase(Resource.text(account, "enable_multiple_write_locations", "false"));
        String sku = multiWrite ? "mRUs" : "RUs";
        String meter = multiWrite ? "100 Multi-master RU/s" : "100 RU/s";
        List<Component> components = new ArrayList<>();
        BigDecimal throughput = r.number("throughput", null);
        BigDecimal autoscaleMax = Resource.number(r.block("autoscale_settings"), "max_throughput", null);
        if (throughput == null && autoscaleMax == null) {
            Location first = locations.get(0);
            BigDecimal units = r.usage("monthly_serverless_request_units").divide(MILLION);
            components.add(Component.usage("Provisioned throughput (serverless)", "1M RUs",
                    first.zoneRedundant() ? units.multiply(ZONE_REDUNDANT) : units, payAsYouGo(first.region(), "Azure Cosmos DB", "Databases")
                            .attr("productName", "Azure Cosmos DB serverless").attr("skuName", "RUs").attr("meterName", "1M RUs")));
        } else {
            for (Location l : locations) {
                BigDecimal hundreds;
                String name;
                if (throughput != null) {
                    hundreds = throughput.divide(HUNDRED);
                    hundreds = l.zoneRedundant() && !multiWrite ? hundreds.multiply(ZONE_REDUNDANT) : hundreds;
                    name = "Provisioned throughput (provisioned, " + l.region() + ")";
                } else {
                    // autoscale bills the throughput it scaled to: the maximum x the share used, which only usage can say
                    BigDecimal used = autoscaleMax.divide(HUNDRED).multiply(r.usage("max_request_units_utilization_percentage"))
                            .divide(HUNDRED);
                    hundreds = multiWrite ? used : used.multiply(AUTOSCALE);
                    name = "Provisioned throughput (autoscale, " + l.region() + ")";
                }
                components.add(Component.hourly(name, hundreds, payAsYouGo(l.region(), "Azure Cosmos DB", "Databases")
                        .attr("meterName", meter).attr("skuName", sku)).withUnit("100 RU/s-hours"));
            }
        }
        for (Location l : locations) {
            components.add(Component.usage("Transactional storage (" + l.region() + ")", "GB", r.usage("storage_gb"),
                    payAsYouGo(l.region(), "Azure Cosmos DB", "Databases").attr("productName", "Azure Cosmos DB").attr("skuName", sku)
                            .regex("meterName", "Data Stored$")));
        }
        return components;
    }

    private static String normalised(String location) {
        return location == null ? null : location.toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
