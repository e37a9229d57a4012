package com.stategraph.billing.costs;

import java.util.Arrays;
import java.util.Locale;

/** How a view's series is cut: one point for the range, a point per day, or per month. */
public enum Granularity {
    TOTAL, DAY, MONTH;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Granularity parse(String text) {
        return Arrays.stream(values()).filter(g -> g.value().equals(text)).findFirst()
                .orElseThrow(() -> CostQueryParser.invalid("granularity", text, Metric.names(values())));
    }
}
