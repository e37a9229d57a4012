package com.stategraph.billing.estimates;

import static com.stategraph.billing.estimates.AzurePricers.payAsYouGo;
import static com.stategraph.billing.estimates.AzurePricers.region;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Azure snapshots and images: both are billed as LRS snapshots of Standard HDD managed disks,
 * whatever disk they came from (the filters are those Infracost uses, as facts).
 */
final class AzureImagePricers {
    private AzureImagePricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "azurerm_snapshot", Set.of("disk_size_gb"),
            "azurerm_image", Set.of());

    static void register(Map<String, Pricer> pricers) {
        pricers.put("azurerm_snapshot", r -> List.of(storage(r, r.number("disk_size_gb", BigDecimal.ZERO))));
        pricers.put("azurerm_image", r -> List.of(storage(r, r.usage("storage_gb"))));
    }

    private static Component storage(Resource r, BigDecimal gb) {
        return Component.monthly("Storage", "GB", gb, payAsYouGo(region(r), "Storage", "Storage")
                .attr("productName", "Standard HDD Managed Disks").attr("skuName", "Snapshots LRS").regex("meterName", "LRS Snapshots$"));
    }
}
