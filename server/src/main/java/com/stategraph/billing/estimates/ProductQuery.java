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

    /** Products the dump keeps without a region of their own (Route 53's zones and queries): the region is not asked. */
    public static final String ANY_REGION = "*";

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

    /**
     * An AWS usage type that is exactly {@code name} after its region's prefix (USE1-, EUW2-, EU-; none in us-east-1):
     * {@code USE1-IO-Optimized-StorageUsage} or {@code USE1-SpotUsage-Fargate-GB-Hours} are other prices.
     */
    public static String awsUsageType(String name) {
        return "^([A-Z]{3}\\d-|EU-)?" + name + "$";
    }

    /** {@code text} as a PostgreSQL regular expression that matches it literally (instance types hold dots). */
    public static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
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

    /** The price of the usage tier that starts at {@code start} units. */
    public ProductQuery tier(String start) {
        return new ProductQuery(vendor, region, service, productFamily, attributes, purchaseOption, unit, start);
    }

    /** Any region, for products priced the same everywhere and kept without one. */
    public ProductQuery anyRegion() {
        return new ProductQuery(vendor, ANY_REGION, service, productFamily, attributes, purchaseOption, unit, startUsageAmount);
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
