package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prices one resource instance: its type's components, each looked up in the price book. */
final class Estimator {
    private final PriceLookup prices;

    Estimator(PriceLookup prices) {
        this.prices = prices;
    }

    /** The estimate and its exact monthly cost. */
    record Estimate(InstanceCost cost, BigDecimal monthly) {
    }

    Estimate estimate(Resource r) {
        Optional<Pricer> pricer = PricedTypes.pricer(r.type());
        boolean supported = pricer.isPresent() || PricedTypes.free(r.type());
        List<PricedComponent> components = new ArrayList<>();
        BigDecimal monthly = BigDecimal.ZERO;
        boolean noPrice = false;
        if (pricer.isPresent()) {
            for (Component c : pricer.get().components(r)) {
                Optional<BigDecimal> price = c.query() == null ? Optional.empty() : prices.price(c.query());
                BigDecimal cost = price.map(c.monthlyQuantity()::multiply).orElse(null);
                noPrice |= price.isEmpty();
                if (cost != null) {
                    monthly = monthly.add(cost);
                }
                components.add(new PricedComponent(c.name(), c.unit(), money(c.monthlyQuantity()), price.map(Estimator::money).orElse(null),
                        cost == null ? null : money(cost)));
            }
        }
        return new Estimate(new InstanceCost(r.address(), r.type(), r.provider(), r.region(), supported, noPrice, money(monthly),
                money(hourly(monthly)), r.tags(), components), monthly);
    }

    static BigDecimal hourly(BigDecimal monthly) {
        return monthly.divide(Component.HOURS_A_MONTH, 10, RoundingMode.HALF_EVEN);
    }

    static String money(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
