package com.stategraph.billing.load;

import com.stategraph.billing.format.FocusColumn;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decimal columns that exports mostly fill with another column's values: without discounts or
 * commitments a line's effective and contracted cost are its billed cost, its pricing quantity its
 * consumed quantity, its contracted unit price its list unit price. Where every line of a chunk has
 * the same value in such a column as in its source (the same text: the same number at the same
 * scale), the chunk stores the column as an empty array, {@code '{}'}, and readers take the source's
 * (V52). An empty column stays NULL, as before. In the bench's exports that left 3 of 7 cost arrays
 * to compress and receive instead of 7.
 */
public final class SharedDecimals {
    /** Each shared column's source; no source is itself shared. */
    static final Map<FocusColumn, FocusColumn> SOURCES = sources();

    private SharedDecimals() {
    }

    private static Map<FocusColumn, FocusColumn> sources() {
        Map<FocusColumn, FocusColumn> m = new EnumMap<>(FocusColumn.class);
        m.put(FocusColumn.EFFECTIVE_COST, FocusColumn.BILLED_COST);
        m.put(FocusColumn.CONTRACTED_COST, FocusColumn.BILLED_COST);
        m.put(FocusColumn.LIST_COST, FocusColumn.BILLED_COST);
        m.put(FocusColumn.PRICING_CURRENCY_EFFECTIVE_COST, FocusColumn.BILLED_COST);
        m.put(FocusColumn.PRICING_QUANTITY, FocusColumn.CONSUMED_QUANTITY);
        m.put(FocusColumn.CONTRACTED_UNIT_PRICE, FocusColumn.LIST_UNIT_PRICE);
        m.put(FocusColumn.PRICING_CURRENCY_LIST_UNIT_PRICE, FocusColumn.LIST_UNIT_PRICE);
        m.put(FocusColumn.PRICING_CURRENCY_CONTRACTED_UNIT_PRICE, FocusColumn.LIST_UNIT_PRICE);
        return Map.copyOf(m);
    }

    /**
     * A chunk column list ({@code "billing_period, effective_cost"}) as a select list of chunk rows,
     * each shared column read through its source where the chunk stored it so.
     */
    public static String select(String columns) {
        return Arrays.stream(columns.split(","))
                .map(String::trim)
                .map(SharedDecimals::column)
                .collect(Collectors.joining(", "));
    }

    private static String column(String name) {
        for (Map.Entry<FocusColumn, FocusColumn> e : SOURCES.entrySet()) {
            if (e.getKey().dbName().equals(name)) {
                String source = e.getValue().dbName();
                return "CASE WHEN cardinality(" + name + ") = 0 THEN " + source + " ELSE " + name + " END AS " + name;
            }
        }
        return name;
    }
}
