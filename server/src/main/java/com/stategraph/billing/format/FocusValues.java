package com.stategraph.billing.format;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The allowed values of FOCUS's enumerated columns, so a value written in another case
 * ({@code usage}, {@code Usage-based}) is stored in the spec's spelling.
 */
final class FocusValues {
    /** By column, each allowed value by its spelling in lower case, and by the spec's own spelling (most rows' case). */
    private static final Map<FocusColumn, Map<String, String>> ALLOWED = new EnumMap<>(Map.of(
            FocusColumn.CHARGE_CATEGORY, index("Usage", "Purchase", "Tax", "Credit", "Adjustment"),
            FocusColumn.CHARGE_CLASS, index("Correction"),
            FocusColumn.CHARGE_FREQUENCY, index("One-Time", "Recurring", "Usage-Based"),
            FocusColumn.PRICING_CATEGORY, index("Standard", "Dynamic", "Committed", "Other"),
            FocusColumn.COMMITMENT_DISCOUNT_STATUS, index("Used", "Unused"),
            FocusColumn.COMMITMENT_DISCOUNT_CATEGORY, index("Spend", "Usage"),
            FocusColumn.SERVICE_CATEGORY, index("AI and Machine Learning", "Analytics", "Business Applications",
                    "Compute", "Databases", "Developer Tools", "Multicloud", "Identity", "Integration",
                    "Internet of Things", "Management and Governance", "Media", "Migration", "Mobile",
                    "Networking", "Security", "Storage", "Web", "Other")));

    private FocusValues() {
    }

    static boolean isEnumerated(FocusColumn column) {
        return ALLOWED.containsKey(column);
    }

    /** The spec's spelling of {@code value}, or null when the column does not allow it. */
    static String canonical(FocusColumn column, String value) {
        Map<String, String> allowed = ALLOWED.get(column);
        if (allowed == null) {
            return value;
        }
        String spelled = allowed.get(value);
        return spelled != null ? spelled : allowed.get(value.trim().toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> index(String... values) {
        Map<String, String> m = new HashMap<>();
        for (String v : List.of(values)) {
            m.put(v.toLowerCase(Locale.ROOT), v);
            m.put(v, v);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
