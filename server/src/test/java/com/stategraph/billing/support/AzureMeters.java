package com.stategraph.billing.support;

import static com.stategraph.billing.support.EstimateFixture.BOOK;

import com.stategraph.billing.support.PriceBooks.Price;
import java.util.Map;

/** How the Azure fixtures write a retail meter and an Azure resource id. */
final class AzureMeters {
    private AzureMeters() {
    }

    /** A meter at its pay-as-you-go (Consumption) price. */
    static void meter(String region, String service, String family, Map<String, String> attributes, String unit, String usd) {
        BOOK.product("azure", region, service, family, attributes, Price.of("Consumption", unit, usd));
    }

    static String id(String provider, String name) {
        return "/subscriptions/s/resourceGroups/rg/providers/" + provider + "/" + name;
    }
}
