package com.stategraph.billing.load;

import com.stategraph.billing.format.FocusColumn;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decimal columns that exports mostly fill with another column's values: without discounts or
 * commitments a line's effective and contracted cost are its billed cost, its pricing quantity its
 * consumed quantity, its contracted unit price its list unit price. Where every line of a chunk has
 * the same value in such a column as in its source (the same text: the same number at the same
 * scale), the chunk stores the column as an empty array, {@code '{}'}, and readers take the source's
 * (V52; readers through {@link ChunkArrays}). An empty column stays NULL, as before. In the bench's exports that left 3 of 7 cost arrays
 * to compress and receive instead of 7.
 */
final class SharedDecimals {
    /** Each shared column's source; no source is itself shared. */
    static final Map<FocusColumn, FocusColumn> SOURCES = Map.of(
            FocusColumn.EFFECTIVE_COST, FocusColumn.BILLED_COST,
            FocusColumn.CONTRACTED_COST, FocusColumn.BILLED_COST,
            FocusColumn.LIST_COST, FocusColumn.BILLED_COST,
            FocusColumn.PRICING_CURRENCY_EFFECTIVE_COST, FocusColumn.BILLED_COST,
            FocusColumn.PRICING_QUANTITY, FocusColumn.CONSUMED_QUANTITY,
            FocusColumn.CONTRACTED_UNIT_PRICE, FocusColumn.LIST_UNIT_PRICE,
            FocusColumn.PRICING_CURRENCY_LIST_UNIT_PRICE, FocusColumn.LIST_UNIT_PRICE,
            FocusColumn.PRICING_CURRENCY_CONTRACTED_UNIT_PRICE, FocusColumn.LIST_UNIT_PRICE);
    /** The same, by the chunks' column names. */
    private static final Map<String, String> SOURCE_NAMES = SOURCES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(e -> e.getKey().dbName(), e -> e.getValue().dbName()));

    private SharedDecimals() {
    }

    /** The source of the chunks' column {@code name}, or null when it shares none. */
    static String sourceOf(String name) {
        return SOURCE_NAMES.get(name);
    }
}
