package com.stategraph.billing.estimates;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which resource types the estimator prices, which it knows to be free, and which take usage: per cloud. */
@Schema(name = "PricingCoverage")
public record PricingCoverage(List<PricedType> priced, List<String> free, @JsonProperty("free_prefixes") List<String> freePrefixes,
                              @Schema(description = "per provider (aws, google, azurerm): priced and free types")
                              Map<String, Counts> counts) {

    @Schema(name = "PricedType")
    public record PricedType(String type, String provider,
                             @Schema(description = "the usage keys it takes (PUT /states/{id}/usage); empty when none")
                             @JsonProperty("usage_keys") List<String> usageKeys) {
    }

    @Schema(name = "PricingCoverageCounts")
    public record Counts(int priced, int free, @JsonProperty("usage_priced") int usagePriced) {
    }

    public static PricingCoverage now() {
        List<PricedType> priced = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        for (String type : PricedTypes.priced()) {
            List<String> keys = new ArrayList<>(new java.util.TreeSet<>(UsageKeys.of(type).keySet()));
            priced.add(new PricedType(type, provider(type), keys));
            int[] c = counts.computeIfAbsent(provider(type), p -> new int[3]);
            c[0]++;
            c[2] += keys.isEmpty() ? 0 : 1;
        }
        List<String> free = new ArrayList<>(PricedTypes.free());
        free.forEach(type -> counts.computeIfAbsent(provider(type), p -> new int[3])[1]++);
        Map<String, Counts> byProvider = new TreeMap<>();
        counts.forEach((p, c) -> byProvider.put(p, new Counts(c[0], c[1], c[2])));
        return new PricingCoverage(priced, free, PricedTypes.freePrefixes(), byProvider);
    }

    /** The Terraform provider a type belongs to: the part of its name before the first underscore. */
    static String provider(String type) {
        int underscore = type.indexOf('_');
        return underscore < 0 ? type : type.substring(0, underscore);
    }
}
