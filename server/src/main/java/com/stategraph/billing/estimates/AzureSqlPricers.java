package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.AzurePricers.payAsYouGo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Azure SQL databases: DTU databases by the day, vCore databases (provisioned or serverless) by the
 * vCore, their SQL licence and storage; databases in an elastic pool are priced by the pool (the
 * filters are those Infracost uses, as facts).
 */
final class AzureSqlPricers {
    private static final Map<String, String> TIERS = Map.of("gp", "General Purpose", "gp_s", "General Purpose - Serverless",
            "hs", "Hyperscale", "bc", "Business Critical");
    private static final Map<String, String> FAMILIES = Map.of("gen5", "Compute Gen5", "gen4", "Compute Gen4", "m", "Compute M Series");

    private AzureSqlPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of("azurerm_mssql_database", Set.of("sku_name", "server_id", "elastic_pool_id",
            "max_size_gb", "license_type", "read_replica_count"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("azurerm_mssql_database", AzureSqlPricers::database);
    }

    private static List<Component> database(Resource r) {
        String sku = r.text("sku_name", "GP_S_Gen5_2");
        if (sku.equalsIgnoreCase("ElasticPool") || r.text("elastic_pool_id", null) != null) {
            return List.of();
        }
        // a database has no location of its own: its server's, when the server is in the state
        String region = r.neighbours().parentLocation(r.text("server_id", null)).orElse(r.region());
        region = region == null ? null : region.toLowerCase(Locale.ROOT).replace(" ", "");
        ProductQuery sql = payAsYouGo(region, "SQL Database", "Databases");
        String lower = sku.toLowerCase(Locale.ROOT);
        if (lower.equals("basic") || lower.equals("free") || lower.matches("[sdp]\\d+")) {
            String dtuSku = lower.equals("basic") ? "b" : lower;
            return List.of(Component.monthly("Compute (" + sku.toUpperCase(Locale.ROOT) + ")", "days", Component.DAYS_A_MONTH,
                    sql.regex("productName", "^SQL Database Single").regex("skuName", "^" + dtuSku + "$").regex("meterName", "DTUs?$")));
        }
        String[] parts = lower.split("_");
        String tier = parts.length >= 3 ? TIERS.get(String.join("_", java.util.Arrays.copyOfRange(parts, 0, parts.length - 2))) : null;
        String family = parts.length >= 3 ? FAMILIES.get(parts[parts.length - 2]) : null;
        if (tier == null || family == null || !parts[parts.length - 1].matches("\\d+")) {
            return List.of(Component.hourly("Compute (" + sku + ")", BigDecimal.ONE, null));
        }
        BigDecimal cores = new BigDecimal(parts[parts.length - 1]);
        String product = tier + " - " + family;
        List<Component> components = new ArrayList<>();
        boolean serverless = tier.endsWith("Serverless");
        if (serverless) {
            components.add(Component.usage("Compute (serverless, " + sku + ")", "vCore-hours", r.usage("monthly_vcore_hours"),
                    sql.regex("productName", ProductQuery.literal(product)).attr("skuName", "1 vCore")));
        } else {
            ProductQuery compute = sql.regex("productName", ProductQuery.literal(product)).attr("skuName", cores.toPlainString() + " vCore");
            components.add(Component.hourly("Compute (provisioned, " + sku + ")", BigDecimal.ONE, compute));
            BigDecimal replicas = r.number("read_replica_count", BigDecimal.ZERO);
            if (tier.equals("Hyperscale") && replicas.signum() > 0) {
                components.add(Component.hourly("Read replicas", replicas, compute));
            }
            if (r.text("license_type", "LicenseIncluded").equalsIgnoreCase("LicenseIncluded")) {
                components.add(Component.hourly("SQL license", cores, payAsYouGo("Global", "SQL Database", "Databases")
                        .regex("productName", ProductQuery.literal(tier + " - SQL License"))).withUnit("vCore-hours"));
            }
        }
        String storageTier = serverless ? "General Purpose" : tier;
        components.add(Component.monthly("Storage", "GB", r.number("max_size_gb", BigDecimal.valueOf(5)),
                sql.regex("productName", ProductQuery.literal(storageTier + " - Storage")).attr("skuName", storageTier)
                        .regex("meterName", "Data Stored$")));
        return components;
    }
}
