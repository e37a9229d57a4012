package com.stategraph.billing.estimates;

import java.util.ArrayList;
import java.util.List;

/**
 * Which product of the price book prices a component, and which of its prices: vendor, region,
 * service and product family exactly; attributes exactly or by a case-insensitive regular
 * expression (PostgreSQL's); the price by purchase option, unit and the usage tier that starts
 * at {@code startUsageAmount} (or, {@link #OPEN_TIER}, the tier without an end: the paid one above a
 * free allowance). A null product family matches any.
 */
public record ProductQuery(String vendor, String region, String service, String productFamily, List<AttributeFilter> attributes,
                           String purchaseOption, String unit, String startUsageAmount) {

    /** The usage tier that has no end. */
    public static final String OPEN_TIER = "open";

    /** @param regex a PostgreSQL regular expression matched case-insensitively, when {@code value} is null */
    public record AttributeFilter(String key, String value, String regex) {
    }

    /** The on-demand price from usage 0 of the product that the filters added later select. */
    public static ProductQuery of(String vendor, String region, String service, String productFamily) {
        return new ProductQuery(vendor, region, service, productFamily, List.of(), "on_demand", null, "0");
    }

    public ProductQuery attr(String key, String value) {
        return with(new AttributeFilter(key, value, null));
    }

    public ProductQuery regex(String key, String regex) {
        return with(new AttributeFilter(key, null, regex));
    }

    public ProductQuery purchaseOption(String option) {
        return new ProductQuery(vendor, region, service, productFamily, attributes, option, unit, startUsageAmount);
    }

    /** The price of the last usage tier, the one without an end, rather than of the tier from 0. */
    public ProductQuery openTier() {
        return new ProductQuery(vendor, region, service, productFamily, attributes, purchaseOption, unit, OPEN_TIER);
    }

    /** Any product family: the service and attributes name the product. */
    public ProductQuery anyFamily() {
        return new ProductQuery(vendor, region, service, null, attributes, purchaseOption, unit, startUsageAmount);
    }

    public ProductQuery unit(String priceUnit) {
        return new ProductQuery(vendor, region, service, productFamily, attributes, purchaseOption, priceUnit, startUsageAmount);
    }

    private ProductQuery with(AttributeFilter filter) {
        List<AttributeFilter> all = new ArrayList<>(attributes);
        all.add(filter);
        return new ProductQuery(vendor, region, service, productFamily, List.copyOf(all), purchaseOption, unit, startUsageAmount);
    }
}
