package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Usage priced in tiers (the first 333M requests, the next 667M, ...): one component for each tier
 * the quantity reaches, each priced from the price-book tier that starts where it starts; without
 * usage, the first tier alone, at 0, so its price still shows.
 */
final class UsageTiers {
    /** A tier: how it is named ("first 333M") and the unit it starts at. */
    record Tier(String label, long start) {
    }

    private UsageTiers() {
    }

    static List<Component> split(String name, String unit, BigDecimal quantity, List<Tier> tiers,
                                 Function<String, ProductQuery> query) {
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            BigDecimal start = BigDecimal.valueOf(tiers.get(i).start());
            BigDecimal upTo = i + 1 < tiers.size() ? quantity.min(BigDecimal.valueOf(tiers.get(i + 1).start())) : quantity;
            BigDecimal inTier = upTo.subtract(start).max(BigDecimal.ZERO);
            if (inTier.signum() > 0 || (i == 0 && quantity.signum() == 0)) {
                components.add(Component.usage(name + " (" + tiers.get(i).label() + ")", unit, inTier,
                        query.apply(Long.toString(tiers.get(i).start()))));
            }
        }
        return components;
    }
}
