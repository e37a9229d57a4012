package com.stategraph.billing.costs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which FOCUS cost column a view sums. */
public enum Metric {
    BILLED("billed_cost"), EFFECTIVE("effective_cost"), LIST("list_cost"), CONTRACTED("contracted_cost");

    private final String column;

    Metric(String column) {
        this.column = column;
    }

    /** The column in billing_rows and in the rollups. */
    public String column() {
        return column;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Metric parse(String text) {
        return Arrays.stream(values()).filter(m -> m.value().equals(text)).findFirst()
                .orElseThrow(() -> CostQueryParser.invalid("metric", text, names(values())));
    }

    static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
