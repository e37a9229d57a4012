package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.AzurePricers.payAsYouGo;
import static com.stategraph.billing.estimates.AzurePricers.region;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure databases and app hosting: PostgreSQL and MySQL flexible servers, Redis caches and App
 * Service plans (the filters are those Infracost uses, as facts).
 */
final class AzureDataPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    /** A flexible server's SKU: tier, family, size, version ({@code GP_Standard_D2ds_v4}, {@code B_Standard_B1ms}). */
    private static final Pattern FLEXIBLE_SKU = Pattern.compile("(?i)(b|gp|mo)_[a-z]+_([a-z]+)(\\d+)([a-z]*)(?:_(v\\d+))?");

    private AzureDataPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "azurerm_postgresql_flexible_server", Set.of("sku_name", "storage_mb", "high_availability"),
            "azurerm_mysql_flexible_server", Set.of("sku_name", "storage", "high_availability"),
            "azurerm_redis_cache", Set.of("sku_name", "family", "capacity", "shard_count", "replicas_per_primary",
                    "replicas_per_master"),
            "azurerm_service_plan", Set.of("sku_name", "os_type", "worker_count"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("azurerm_postgresql_flexible_server", r -> flexibleServer(r, "PostgreSQL",
                r.number("storage_mb", BigDecimal.valueOf(32_768)).divide(MB_PER_GB, 0, java.math.RoundingMode.DOWN),
                "Az DB for PostgreSQL Flexible Server Storage"));
        pricers.put("azurerm_mysql_flexible_server", r -> flexibleServer(r, "MySQL",
                Resource.number(r.block("storage"), "size_gb", BigDecimal.valueOf(20)), "Azure Database for MySQL Flexible Server Storage"));
        pricers.put("azurerm_redis_cache", AzureDataPricers::redisCache);
        pricers.put("azurerm_service_plan", AzureDataPricers::servicePlan);
    }

    /** Compute by the hour (twice with high availability), from the SKU's tier, series and vCores; storage by the GB. */
    private static List<Component> flexibleServer(Resource r, String engine, BigDecimal storageGb, String storageProduct) {
        String sku = r.text("sku_name", "");
        String service = "Azure Database for " + engine;
        BigDecimal servers = Resource.text(r.block("high_availability"), "mode", "").isEmpty() ? ONE : BigDecimal.valueOf(2);
        Matcher m = FLEXIBLE_SKU.matcher(sku);
        ProductQuery compute = null;
        if (m.matches()) {
            String tier = m.group(1).toLowerCase(Locale.ROOT);
            String tierName = switch (tier) {
                case "b" -> "Burstable";
                case "gp" -> "General Purpose";
                default -> engine.equals("MySQL") ? "Business Critical" : "Memory Optimized";
            };
            String product = "^Azure Database for " + engine + " Flexible Server " + tierName;
            compute = payAsYouGo(region(r), service, "Databases");
            if (tier.equals("b")) {
                String size = m.group(2) + m.group(3) + m.group(4);
                compute = compute.regex("productName", product + (engine.equals("MySQL") ? "\\s+BS Series" : " (-\\s)?BS"))
                        .regex("skuName", "^" + size + "$").regex("meterName", "^" + size + "( vCore)?$");
            } else {
                String series = m.group(2) + m.group(4) + (m.group(5) == null ? "" : m.group(5));
                compute = compute.regex("productName", product + seriesSuffix(engine, tierName, series))
                        .regex("skuName", "^" + m.group(3) + " vCore$").regex("meterName", "^vCore$");
            }
        }
        return List.of(
                Component.hourly("Compute (" + sku + ")", servers, compute),
                Component.monthly("Storage", "GB", storageGb, payAsYouGo(region(r), service, "Databases")
                        .attr("productName", storageProduct).attr("meterName", "Storage Data Stored")));
    }

    /** How the price list names a series after the tier: MySQL writes "Ddsv4 Series" (two known exceptions), PostgreSQL the series. */
    private static String seriesSuffix(String engine, String tierName, String series) {
        if (!engine.equals("MySQL")) {
            return " (-\\s)?" + series;
        }
        if (tierName.equals("Business Critical") && series.equals("Edsv4")) {
            return " Compute";
        }
        return tierName.equals("General Purpose") && series.equals("Dadsv5") ? "" : "\\s+" + series + " Series";
    }

    /**
     * A Basic cache is one node and a Standard one a replicated pair, each priced as one cache; a Premium cache is priced
     * per node: shards x (1 + replicas).
     */
    private static List<Component> redisCache(Resource r) {
        String tier = AzurePricers.capitalised(r.text("sku_name", "Standard"));
        String sku = r.text("family", "C").toUpperCase(Locale.ROOT) + r.text("capacity", "1");
        BigDecimal nodes = ONE;
        String meter = sku + " Cache";
        if (tier.equals("Premium")) {
            BigDecimal shards = r.number("shard_count", ONE).max(ONE);
            BigDecimal replicas = r.number("replicas_per_primary", r.number("replicas_per_master", ONE));
            nodes = shards.multiply(replicas.add(ONE));
            meter = sku + " Cache Instance";
        }
        return List.of(Component.hourly("Cache usage (" + tier + "_" + sku + ")", nodes, payAsYouGo(region(r), "Redis Cache", "Databases")
                .attr("productName", "Azure Redis Cache " + tier).attr("skuName", sku).regex("meterName", "^" + meter + "$")));
    }

    /** Its workers by the hour at the plan's SKU; consumption and elastic plans (Y1, EP, WS) are priced by use, not here. */
    private static List<Component> servicePlan(Resource r) {
        String sku = r.text("sku_name", "");
        String lower = sku.toLowerCase(Locale.ROOT);
        if (sku.length() < 2 || lower.startsWith("ep") || lower.startsWith("ws") || lower.startsWith("y1")) {
            return List.of();
        }
        boolean linux = r.text("os_type", "Windows").equalsIgnoreCase("Linux");
        String product;
        String skuRegex = ProductQuery.literal(sku) + "$";
        String armSku = null;
        switch (lower.charAt(0)) {
            case 'b' -> product = "Basic Plan";
            case 'f' -> product = "Free Plan";
            case 'd' -> {
                product = "Shared Plan";
                skuRegex = "Shared$";
            }
            case 'p', 'i' -> {
                String version = lower.substring(2).equals("v1") ? "" : lower.substring(2);
                String productVersion = version.startsWith("m") ? version.substring(1) : version;
                product = ((lower.charAt(0) == 'i' ? "Isolated " : "Premium ") + productVersion + " Plan").replace("  ", " ");
                skuRegex = sku.substring(0, 2) + " ?" + version + "$";
                if (productVersion.equals("v3") && linux) {
                    armSku = sku.substring(0, 2) + "_?" + version + "$";
                }
            }
            default -> product = "Standard Plan";
        }
        if (linux && !product.startsWith("Isolated") && !product.startsWith("Premium") && !product.equals("Shared Plan")) {
            product += " - Linux";
        }
        ProductQuery plan = payAsYouGo(region(r), "Azure App Service", "Compute").attr("productName", "Azure App Service " + product)
                .regex("skuName", skuRegex);
        if (armSku != null) {
            plan = plan.regex("armSkuName", armSku);
        }
        return List.of(Component.hourly("Instance usage (" + sku + ")", r.number("worker_count", ONE), plan));
    }
}
