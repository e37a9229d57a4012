package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.AzurePricers.payAsYouGo;
import static com.stategraph.billing.estimates.AzurePricers.region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Azure monitoring: Application Insights and Log Analytics workspaces, priced by the data they take in (Infracost's filters, as facts). */
final class AzureMonitoringPricers {
    private static final BigDecimal FREE_RETENTION_DAYS = BigDecimal.valueOf(90);
    private static final BigDecimal RETENTION_DAYS_PER_MONTH = BigDecimal.valueOf(30);

    private AzureMonitoringPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "azurerm_application_insights", Set.of("retention_in_days"),
            "azurerm_log_analytics_workspace", Set.of("sku"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("azurerm_application_insights", AzureMonitoringPricers::applicationInsights);
        pricers.put("azurerm_log_analytics_workspace", AzureMonitoringPricers::logAnalytics);
    }

    /** Data ingested, and retention beyond the free 90 days: the data again for every 30 days more. */
    private static List<Component> applicationInsights(Resource r) {
        ProductQuery insights = payAsYouGo(region(r), "Application Insights", "Management and Governance");
        BigDecimal ingested = r.usage("monthly_data_ingested_gb");
        List<Component> components = new ArrayList<>();
        components.add(Component.usage("Data ingested", "GB", ingested,
                insights.regex("skuName", "^Enterprise$").regex("meterName", "^Enterprise Overage Data$")));
        BigDecimal days = r.number("retention_in_days", FREE_RETENTION_DAYS);
        if (days.compareTo(FREE_RETENTION_DAYS) > 0) {
            BigDecimal months = days.subtract(FREE_RETENTION_DAYS).divide(RETENTION_DAYS_PER_MONTH, 10, RoundingMode.HALF_EVEN);
            components.add(Component.usage("Data retention (" + days.toPlainString() + " days)", "GB", ingested.multiply(months),
                    insights.regex("meterName", "^Data Retention$")));
        }
        return components;
    }

    /** Pay-as-you-go (PerGB2018) workspaces pay for what they ingest beyond the first 5 GB a month; a Free one is free. */
    private static List<Component> logAnalytics(Resource r) {
        String sku = r.text("sku", "PerGB2018");
        if (sku.equalsIgnoreCase("Free")) {
            return List.of();
        }
        return List.of(Component.usage("Log data ingestion", "GB", r.usage("monthly_log_data_ingestion_gb"),
                !sku.equalsIgnoreCase("PerGB2018") ? null : payAsYouGo(region(r), "Log Analytics", "Management and Governance")
                        .attr("skuName", "Analytics Logs").regex("meterName", "Data Ingestion$").tier("5")));
    }
}
