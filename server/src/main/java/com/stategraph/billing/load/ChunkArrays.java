package com.stategraph.billing.load;

import com.stategraph.billing.format.ColumnKind;
import com.stategraph.billing.format.FocusColumn;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How readers get each line's value from a chunk's arrays, where the chunk stored a column shorter
 * than its lines. Two forms (V52, V53): a decimal column equal to its source on every line is an
 * empty array ({@link SharedDecimals}); a column of dictionary ids or timestamps with one value on
 * every line is that one value, repeated for each of the chunk's {@code row_count} lines. Both are
 * told apart by their stored size first ({@code pg_column_size}, which does not decompress): only an
 * array of a few bytes is looked into, so a whole column is decompressed once, by its reader.
 */
public final class ChunkArrays {
    /** Larger than an empty or one-element array, smaller than any stored column of two or more lines. */
    static final int SMALL_BYTES = 64;
    private static final Map<String, ColumnKind> KINDS = Arrays.stream(FocusColumn.values())
            .collect(Collectors.toUnmodifiableMap(FocusColumn::dbName, FocusColumn::kind));

    private ChunkArrays() {
    }

    /**
     * A chunk column list ({@code "billing_period, effective_cost"}) as a select list of chunk rows
     * (which have {@code row_count}), each column read as one value per line.
     */
    public static String select(String columns) {
        return Arrays.stream(columns.split(","))
                .map(String::trim)
                .map(name -> {
                    String read = read(name, Function.identity());
                    return read.equals(name) ? name : read + " AS " + name;
                })
                .collect(Collectors.joining(", "));
    }

    /**
     * The expression of column {@code name}'s array with a value for each line; {@code column} names
     * a column as the query has it ({@code c.billed_cost}, say), and names {@code row_count} too.
     */
    static String read(String name, Function<String, String> column) {
        String c = column.apply(name);
        String small = "pg_column_size(" + c + ") < " + SMALL_BYTES;
        String source = SharedDecimals.sourceOf(name);
        if (source != null) {
            return "CASE WHEN " + small + " AND cardinality(" + c + ") = 0 THEN " + column.apply(source) + " ELSE " + c + " END";
        }
        ColumnKind kind = name.equals("extra") ? ColumnKind.JSON : KINDS.get(name);
        if (kind == ColumnKind.TEXT || kind == ColumnKind.JSON || kind == ColumnKind.TIMESTAMP) {
            String rows = column.apply("row_count");
            return "CASE WHEN " + small + " AND " + rows + " > 1 AND cardinality(" + c + ") = 1"
                    + " THEN array_fill(" + c + "[1], ARRAY[" + rows + "]) ELSE " + c + " END";
        }
        return c;
    }
}
