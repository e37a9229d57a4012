package com.stategraph.billing.estimates;

import com.stategraph.billing.estimates.UsageTiers.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudFront distributions, priced by usage in each of AWS's edge-location groups (the US group
 * when no usage names one): data out to the internet in AWS's tiers and to the origin, HTTP and
 * HTTPS requests; invalidations beyond the free thousand and dedicated-IP SSL certificates. The
 * products are kept without a region (the filters are those Infracost uses, as facts).
 */
final class CloudFrontPricer {
    /** A usage key's suffix, the group's name in AWS's pricing, and how estimates name it. */
    private record EdgeGroup(String key, String priceRegion, String label) {
    }

    private static final List<EdgeGroup> GROUPS = List.of(
            new EdgeGroup("us", "United States", "US, Mexico, Canada"),
            new EdgeGroup("europe", "Europe", "Europe, Israel"),
            new EdgeGroup("south_africa", "South Africa", "South Africa, Kenya, Middle East"),
            new EdgeGroup("south_america", "South America", "South America"),
            new EdgeGroup("japan", "Japan", "Japan"),
            new EdgeGroup("australia", "Australia", "Australia, New Zealand"),
            new EdgeGroup("asia_pacific", "Asia Pacific", "Hong Kong, Philippines, Asia Pacific"),
            new EdgeGroup("india", "India", "India"));

    private static final List<Tier> DATA_OUT_TIERS = List.of(new Tier("first 10TB", 0), new Tier("next 40TB", 10_240L),
            new Tier("next 100TB", 51_200L), new Tier("next 350TB", 153_600L), new Tier("next 524TB", 512_000L),
            new Tier("next 4PB", 1_048_576L), new Tier("over 5PB", 5_242_880L));

    private static final String INTERNET = "monthly_data_transfer_to_internet_gb";
    private static final String ORIGIN = "monthly_data_transfer_to_origin_gb";
    private static final String HTTP = "monthly_http_requests";
    private static final String HTTPS = "monthly_https_requests";
    private static final List<String> REGIONAL_KEYS = List.of(INTERNET, ORIGIN, HTTP, HTTPS);

    private CloudFrontPricer() {
    }

    static final Map<String, Set<String>> READS = Map.of("aws_cloudfront_distribution", Set.of());

    static void register(Map<String, Pricer> pricers) {
        pricers.put("aws_cloudfront_distribution", CloudFrontPricer::distribution);
    }

    /** The usage keys, each regional one per edge group ({@code monthly_data_transfer_to_internet_gb.us}), for {@link UsageKeys}. */
    static Map<String, String> usageKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (EdgeGroup g : GROUPS) {
            keys.put(INTERNET + "." + g.key(), "GB sent to the internet a month from " + g.label());
            keys.put(ORIGIN + "." + g.key(), "GB sent to the origin a month from " + g.label());
            keys.put(HTTP + "." + g.key(), "HTTP requests a month in " + g.label());
            keys.put(HTTPS + "." + g.key(), "HTTPS requests a month in " + g.label());
        }
        keys.put("monthly_invalidation_requests", "invalidation paths a month (the first 1,000 are free)");
        keys.put("custom_ssl_certificates", "dedicated-IP custom SSL certificates");
        return keys;
    }

    private static List<Component> distribution(Resource r) {
        List<EdgeGroup> used = GROUPS.stream()
                .filter(g -> REGIONAL_KEYS.stream().anyMatch(k -> r.usage(k + "." + g.key()).signum() > 0)).toList();
        List<Component> components = new ArrayList<>();
        for (EdgeGroup g : used.isEmpty() ? GROUPS.subList(0, 1) : used) {
            String prefix = g.label() + ": ";
            components.addAll(AwsPricers.prefixed(prefix, UsageTiers.split("Data transfer out to internet", "GB",
                    r.usage(INTERNET + "." + g.key()), DATA_OUT_TIERS, start -> cloudFront().attr("transferType", "CloudFront Outbound")
                            .attr("fromLocation", g.priceRegion()).tier(start))));
            components.add(Component.usage(prefix + "Data transfer out to origin", "GB", r.usage(ORIGIN + "." + g.key()),
                    cloudFront().attr("transferType", "CloudFront to Origin").attr("fromLocation", g.priceRegion())));
            components.add(Component.usage(prefix + "HTTP requests", "requests", r.usage(HTTP + "." + g.key()),
                    cloudFront().attr("location", g.priceRegion()).attr("requestType", "CloudFront-Request-HTTP-Proxy")));
            components.add(Component.usage(prefix + "HTTPS requests", "requests", r.usage(HTTPS + "." + g.key()),
                    cloudFront().attr("location", g.priceRegion()).attr("requestType", "CloudFront-Request-HTTPS-Proxy")));
        }
        if (r.usage("monthly_invalidation_requests").compareTo(java.math.BigDecimal.valueOf(1000)) > 0) {
            components.add(Component.usage("Invalidation requests (over 1k)", "paths",
                    r.usage("monthly_invalidation_requests").subtract(java.math.BigDecimal.valueOf(1000)),
                    cloudFront().attr("usagetype", "Invalidations").tier("1000")));
        }
        if (r.usage("custom_ssl_certificates").signum() > 0) {
            components.add(Component.monthly("Dedicated IP custom SSLs", "certificates", r.usage("custom_ssl_certificates"),
                    cloudFront().attr("usagetype", "SSL-Cert-Custom")));
        }
        return components;
    }

    private static ProductQuery cloudFront() {
        return ProductQuery.of("aws", null, "AmazonCloudFront", null).anyRegion();
    }
}
