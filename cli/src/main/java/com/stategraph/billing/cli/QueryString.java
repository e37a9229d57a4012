package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;

/** A URL's query from name and value pairs, the values encoded and the pairs without a value left out. */
final class QueryString {
    private QueryString() {
    }

    /** {@code ?a=1&b=2}, or empty when no pair has a value. */
    static String of(String... namesAndValues) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                p.add(namesAndValues[i] + "=" + PathSegment.encode(namesAndValues[i + 1]));
            }
        }
        return p.isEmpty() ? "" : "?" + String.join("&", p);
    }
}
