package com.stategraph.billing.load;

import com.stategraph.billing.format.CanonicalRow;
import com.stategraph.billing.format.ColumnKind;
import com.stategraph.billing.format.FocusColumn;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Up to {@link #ROWS} rows of one load, column by column, written as one row of its
 * {@code billing_chunks} table: an array per column, repeated strings as dictionary ids. Each array
 * is compressed by PostgreSQL as a whole, so a chunk stores a row in a few dozen bytes.
 */
final class RowChunk {
    static final int ROWS = 4096;
    private static final FocusColumn[] FOCUS = FocusColumn.values();
    /** Every FOCUS column, then the columns outside FOCUS as one JSON object. */
    static final int COLUMNS = FOCUS.length + 1;
    /** How errors name the columns outside FOCUS, which are stored together as one JSON object. */
    static final String OUTSIDE_FOCUS = "(a column outside FOCUS)";
    private static final ColumnKind[] KINDS = new ColumnKind[COLUMNS];

    static {
        for (int c = 0; c < FOCUS.length; c++) {
            KINDS[c] = FOCUS[c].kind();
        }
        KINDS[FOCUS.length] = ColumnKind.JSON;
    }

    private final String[][] columns = new String[COLUMNS][ROWS];
    /** The dictionary ids of the string columns' values, once {@link #resolve}d; an array per string column, reused. */
    private final int[][] ids = new int[COLUMNS][];
    /** Per column, whether every row leaves it empty: found by {@link #resolve}, on the dictionary's thread, for {@link #writeColumns}. */
    private final boolean[] empty = new boolean[COLUMNS];
    private final String[] files = new String[ROWS];
    private final long[] fileRows = new long[ROWS];
    private int size;
    /** Rows whose JSON values {@link #storeJson} has stored already. */
    private int jsonStored;

    /** A chunk's strings the database refused, with the file, row and column of the first row that had it. */
    static final class Refused extends Exception {
        Refused(String where, StringDictionary.RefusedValue cause) {
            super(where + ": the database cannot store this value: " + cause.getMessage(), cause);
        }
    }

    void add(CanonicalRow row, String file, long fileRow) {
        row.copyInto(columns, size);
        files[size] = file;
        fileRows[size] = fileRow;
        size++;
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == ROWS;
    }

    String firstFile() {
        return files[0];
    }

    long firstRow() {
        return fileRows[0];
    }

    String lastFile() {
        return files[size - 1];
    }

    long lastRow() {
        return fileRows[size - 1];
    }

    /**
     * Gives the chunk's strings their dictionary ids, storing those new to it: on the dictionary's
     * thread ({@link ChunkIds}), before {@link #writeColumns}.
     */
    void resolve(StringDictionary dictionary) throws SQLException, Refused {
        for (int c = 0; c < COLUMNS; c++) {
            empty[c] = allNull(columns[c]);
            if (KINDS[c] != ColumnKind.TEXT && KINDS[c] != ColumnKind.JSON || empty[c]) {
                continue;
            }
            StringDictionary.Kind kind = KINDS[c] == ColumnKind.TEXT ? StringDictionary.Kind.TEXT : StringDictionary.Kind.JSON;
            ensure(c, kind, dictionary, 0);
            if (ids[c] == null) {
                ids[c] = new int[ROWS];
            }
            String[] values = columns[c];
            String previous = null;
            int id = 0;
            for (int r = 0; r < size; r++) {
                String v = values[r];
                if (v != null && v != previous) {
                    id = dictionary.cached(kind, v);
                    previous = v;
                }
                ids[c][r] = id;
            }
        }
    }

    /**
     * Writes the chunk's arrays, the strings as the ids {@link #resolve} gave them, as the rest of
     * one COPY line (the caller wrote the columns before them) and empties it.
     */
    void writeColumns(CopyTextWriter out) throws IOException {
        StringBuilder array = new StringBuilder(ROWS * 8);
        for (int c = 0; c < COLUMNS; c++) {
            String[] values = columns[c];
            if (empty[c]) {
                // A column the export leaves empty costs nothing in the chunk's row.
                out.field(null);
                continue;
            }
            array.setLength(0);
            array.append('{');
            boolean strings = KINDS[c] == ColumnKind.TEXT || KINDS[c] == ColumnKind.JSON;
            // Timestamps quoted: their text is safe, but an array element with a space would split.
            String quote = KINDS[c] == ColumnKind.TIMESTAMP ? "\"" : "";
            for (int r = 0; r < size; r++) {
                separate(array, r);
                if (values[r] == null) {
                    array.append("NULL");
                } else if (strings) {
                    array.append(ids[c][r]);
                } else {
                    array.append(quote).append(values[r]).append(quote);
                }
            }
            array.append('}');
            out.field(array.toString());
        }
        java.util.Arrays.fill(files, 0, size, null);
        for (String[] values : columns) {
            java.util.Arrays.fill(values, 0, size, null);
        }
        size = 0;
        jsonStored = 0;
    }

    /**
     * Stores the chunk's JSON values in the dictionary now, so that one the database refuses is
     * reported with its file and row before the rollups, which hold tags too, meet it.
     */
    void storeJson(StringDictionary dictionary) throws SQLException, Refused {
        // Only the rows added since the last call: a load calls this at every flush of its rollups, and
        // re-sending a whole chunk each time cost as much as the chunk times the flushes.
        for (int c = 0; c < COLUMNS; c++) {
            if (KINDS[c] == ColumnKind.JSON) {
                ensure(c, StringDictionary.Kind.JSON, dictionary, jsonStored);
            }
        }
        jsonStored = size;
    }

    /** Makes the column's values from row {@code from} on known to the dictionary. */
    private void ensure(int c, StringDictionary.Kind kind, StringDictionary dictionary, int from) throws SQLException, Refused {
        String[] values = columns[c];
        Set<String> distinct = new LinkedHashSet<>();
        String previous = null;
        for (int r = from; r < size; r++) {
            String v = values[r];
            // Neighbouring rows mostly repeat a value, often as the very same string: seen already.
            if (v == null || v == previous) {
                continue;
            }
            // PostgreSQL text cannot hold NUL; exports only have it as padding.
            if (v.indexOf('\0') >= 0) {
                v = v.replace("\0", "");
                values[r] = v;
            }
            distinct.add(v);
            previous = v;
        }
        try {
            dictionary.ensure(kind, distinct);
        } catch (StringDictionary.RefusedValue e) {
            throw new Refused(where(c, e.value), e);
        }
    }

    private String where(int c, String value) {
        String column = c < FOCUS.length ? FOCUS[c].focusName() : OUTSIDE_FOCUS;
        for (int r = 0; r < size; r++) {
            if (value.equals(columns[c][r])) {
                return files[r] + ": row " + fileRows[r] + ", column " + column;
            }
        }
        return files[0] + ", column " + column;
    }

    private boolean allNull(String[] values) {
        for (int r = 0; r < size; r++) {
            if (values[r] != null) {
                return false;
            }
        }
        return true;
    }

    private static void separate(StringBuilder array, int r) {
        if (r > 0) {
            array.append(',');
        }
    }
}
