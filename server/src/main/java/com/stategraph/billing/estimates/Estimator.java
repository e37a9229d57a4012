package com.stategraph.billing.estimates;

import com.stategraph.billing.costs.ActualsService;
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
                components.add(new PricedComponent(c.name(), c.unit(), ActualsService.money(c.monthlyQuantity()), price.map(ActualsService::money).orElse(null),
                        cost == null ? null : ActualsService.money(cost)));
            }
        }
        return new Estimate(new InstanceCost(r.address(), r.type(), r.provider(), r.region(), supported, noPrice, ActualsService.money(monthly),
                ActualsService.money(hourly(monthly)), r.tags(), components), monthly);
    }

    static BigDecimal hourly(BigDecimal monthly) {
        return monthly.divide(Component.HOURS_A_MONTH, 10, RoundingMode.HALF_EVEN);
    }
}
