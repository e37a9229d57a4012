package com.stategraph.billing.estimates;

import java.math.BigDecimal;

/**
 * One thing a resource is charged for, before it is priced.
 *
 * @param monthlyQuantity how many units a month; hourly components count {@link #HOURS_A_MONTH} hours
 * @param query the product and price that price one unit; null when the price book cannot price it
 *              (the component is shown, without a price)
 */
public record Component(String name, String unit, BigDecimal monthlyQuantity, ProductQuery query) {
    public static final BigDecimal HOURS_A_MONTH = BigDecimal.valueOf(730);
    /** Days in that 730-hour month, for prices Azure gives per day (SignalR units, SQL DTUs). */
    public static final BigDecimal DAYS_A_MONTH = HOURS_A_MONTH.divide(BigDecimal.valueOf(24), 10, java.math.RoundingMode.HALF_EVEN);

    /** Charged by the hour, {@code perHour} units at a time, every hour of the month. */
    public static Component hourly(String name, BigDecimal perHour, ProductQuery query) {
        return new Component(name, "hours", perHour.multiply(HOURS_A_MONTH), query);
    }

    public static Component monthly(String name, String unit, BigDecimal quantity, ProductQuery query) {
        return new Component(name, unit, quantity, query);
    }

    /** Priced by usage, which the state does not tell: the quantity given for the resource, else 0 (shown with its price). */
    public static Component usage(String name, String unit, BigDecimal quantity, ProductQuery query) {
        return new Component(name, unit, quantity, query);
    }

    public Component named(String prefix) {
        return new Component(prefix + name, unit, monthlyQuantity, query);
    }

    public Component withUnit(String newUnit) {
        return new Component(name, newUnit, monthlyQuantity, query);
    }
}
