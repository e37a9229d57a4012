package com.stategraph.billing.load;

import com.stategraph.billing.format.CanonicalRow;
import com.stategraph.billing.format.ColumnKind;
import com.stategraph.billing.format.FocusColumn;
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

    /** Per column, the column whose values it may share ({@link SharedDecimals}), or -1. */
    private static final int[] SHARED_SOURCE = new int[COLUMNS];

    static {
        java.util.Arrays.fill(SHARED_SOURCE, -1);
        SharedDecimals.SOURCES.forEach((shared, source) -> SHARED_SOURCE[shared.ordinal()] = source.ordinal());
    }

    private static final int TAGS = FocusColumn.TAGS.ordinal();
    private static final int RESOURCE_ID = FocusColumn.RESOURCE_ID.ordinal();

    private final String[][] columns = new String[COLUMNS][ROWS];
    /** Per row, the values its tag set masks, as a JSON object (null: none): stored as text, not in the dictionary. */
    private final String[] tagsRest = new String[ROWS];
    private boolean anyTagsRest;
    /** The dictionary ids of the string columns' values, once {@link #resolve}d; an array per string column, reused. */
    private final int[][] ids = new int[COLUMNS][];
    /** Per column, whether every row leaves it empty: found by {@link #resolve}, on the dictionary's thread, for {@link #writeColumns}. */
    private final boolean[] empty = new boolean[COLUMNS];
    /** Per column, whether some row leaves it empty: found with {@link #empty}. */
    private final boolean[] someNull = new boolean[COLUMNS];
    private final ResourceLines resourceLines = new ResourceLines();
    private final String[] files = new String[ROWS];
    private final long[] fileRows = new long[ROWS];
    private int size;
    private final NumericBinary numeric = new NumericBinary();
    /** Per decimal column, where each row's element starts in the writer, while the chunk is written. */
    private final int[][] decimalAt = new int[COLUMNS][];
    /** The decimal columns written so far in the chunk being written. */
    private final int[] decimalsWritten = new int[COLUMNS];
    private int decimalCount;
    /** Rows whose JSON values {@link #storeJson} has stored already. */
    private int jsonStored;

    /** A chunk's strings the database refused, with the file, row and column of the first row that had it. */
    static final class Refused extends Exception {
        Refused(String where, StringDictionary.RefusedValue cause) {
            super(where + ": the database cannot store this value: " + cause.getMessage(), cause);
        }
    }

    /**
     * @param resourceKey the key of the row's resource's month sums, without the resource ({@link DailyRollup#add})
     * @param costs the row's four costs as the rollup read them
     */
    void add(CanonicalRow row, TagSetMasks.Split tags, long resourceKey, ExactSum.Addend[] costs, String file, long fileRow) {
        resourceLines.set(size, resourceKey, costs);
        row.copyInto(columns, size);
        columns[TAGS][size] = tags.set();
        tagsRest[size] = tags.rest();
        anyTagsRest |= tags.rest() != null;
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

    ResourceLines resourceLines() {
        return resourceLines;
    }

    /** Row {@code r}'s ResourceId's dictionary id once {@link #resolve}d; -1 when it names none (no value, or an empty one). */
    int resourceKey(int r) {
        String v = columns[RESOURCE_ID][r];
        return v == null || v.isEmpty() ? -1 : ids[RESOURCE_ID][r];
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
            countNulls(c);
            if (KINDS[c] != ColumnKind.TEXT && KINDS[c] != ColumnKind.JSON || empty[c]) {
                continue;
            }
            StringDictionary.Kind kind = c == RESOURCE_ID ? StringDictionary.Kind.RESOURCE
                    : KINDS[c] == ColumnKind.TEXT ? StringDictionary.Kind.TEXT : StringDictionary.Kind.JSON;
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
     * one binary COPY row (the caller wrote the fields before them) and empties it.
     */
    void writeColumns(CopyBinaryWriter out) {
        decimalCount = 0;
        for (int c = 0; c < COLUMNS; c++) {
            if (empty[c]) {
                // A column the export leaves empty costs nothing in the chunk's row.
                out.nullField();
                continue;
            }
            String[] values = columns[c];
            if (sharesItsSource(c)) {
                out.emptyArray(CopyBinaryWriter.NUMERIC_OID);
                continue;
            }
            switch (KINDS[c]) {
                case TEXT, JSON -> writeIds(out, values, c);
                case DECIMAL -> writeDecimals(out, values, c);
                case TIMESTAMP -> writeTimestamps(out, values, c);
            }
        }
        writeTagsRest(out);
        java.util.Arrays.fill(files, 0, size, null);
        for (String[] values : columns) {
            java.util.Arrays.fill(values, 0, size, null);
        }
        size = 0;
        jsonStored = 0;
    }

    /**
     * Whether every row has the same id: the chunk then stores the column as that one id, and
     * readers repeat it for each of its rows ({@link ChunkArrays}). A line's provider, billing account,
     * currency, period and the like are most often one value for a whole chunk: each such array was
     * received element by element and compressed by PostgreSQL, about a fifth of its COPY.
     */
    private boolean constant(int[] columnIds) {
        for (int r = 1; r < size; r++) {
            if (columnIds[r] != columnIds[0]) {
                return false;
            }
        }
        return size > 1;
    }

    private boolean constant(String[] values) {
        for (int r = 1; r < size; r++) {
            if (!values[r].equals(values[0])) {
                return false;
            }
        }
        return size > 1;
    }

    /** Whether every row has the same value in column {@code c} as in the column it may share. */
    private boolean sharesItsSource(int c) {
        int source = SHARED_SOURCE[c];
        if (source < 0 || empty[source]) {
            return false;
        }
        String[] values = columns[c];
        String[] sources = columns[source];
        for (int r = 0; r < size; r++) {
            if (!java.util.Objects.equals(values[r], sources[r])) {
                return false;
            }
        }
        return true;
    }

    /** The masked tag values, inline: at a tag value per resource they are as many as the lines, and the dictionary's rows cost 250 bytes each. */
    private void writeTagsRest(CopyBinaryWriter out) {
        if (!anyTagsRest) {
            out.nullField();
            return;
        }
        out.startArray(CopyBinaryWriter.TEXT_OID, size, true);
        for (int r = 0; r < size; r++) {
            if (tagsRest[r] == null) {
                out.nullElement();
            } else {
                out.textElement(tagsRest[r]);
            }
        }
        out.endArray();
        java.util.Arrays.fill(tagsRest, 0, size, null);
        anyTagsRest = false;
    }

    private void writeIds(CopyBinaryWriter out, String[] values, int c) {
        int[] columnIds = ids[c];
        if (!someNull[c] && constant(columnIds)) {
            out.startArray(CopyBinaryWriter.INT4_OID, 1, false);
            out.int4Element(columnIds[0]);
            out.endArray();
            return;
        }
        out.startArray(CopyBinaryWriter.INT4_OID, size, someNull[c]);
        for (int r = 0; r < size; r++) {
            if (values[r] == null) {
                out.nullElement();
            } else {
                out.int4Element(columnIds[r]);
            }
        }
        out.endArray();
    }

    private void writeDecimals(CopyBinaryWriter out, String[] values, int c) {
        out.startArray(CopyBinaryWriter.NUMERIC_OID, size, someNull[c]);
        if (decimalAt[c] == null) {
            decimalAt[c] = new int[ROWS];
        }
        for (int r = 0; r < size; r++) {
            String v = values[r];
            if (v == null) {
                out.nullElement();
                continue;
            }
            // A line repeats its cost as billed, effective and contracted cost, often as the very same text: written once, copied after.
            int same = writtenAbove(v, r);
            decimalAt[c][r] = out.size();
            if (same >= 0) {
                out.copyElement(same);
                continue;
            }
            try {
                numeric.set(v);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where(c, v) + ": the normaliser let through a value that is not a decimal", e);
            }
            out.numericElement(numeric);
        }
        out.endArray();
        decimalsWritten[decimalCount++] = c;
    }

    /** Where row {@code r}'s {@code value} was written in an earlier decimal column of this chunk, or -1. */
    private int writtenAbove(String value, int r) {
        for (int i = 0; i < decimalCount; i++) {
            int p = decimalsWritten[i];
            if (columns[p][r] == value) {
                return decimalAt[p][r];
            }
        }
        return -1;
    }

    private void writeTimestamps(CopyBinaryWriter out, String[] values, int c) {
        if (!someNull[c] && constant(values)) {
            out.startArray(CopyBinaryWriter.TIMESTAMPTZ_OID, 1, false);
            out.timestampElement(CopyBinaryWriter.micros(values[0]));
            out.endArray();
            return;
        }
        out.startArray(CopyBinaryWriter.TIMESTAMPTZ_OID, size, someNull[c]);
        String previous = null;
        long micros = 0;
        for (int r = 0; r < size; r++) {
            String v = values[r];
            if (v == null) {
                out.nullElement();
                continue;
            }
            // The normaliser wrote it (Instant's text, UTC) and repeats one instance for many rows.
            if (v != previous) {
                micros = CopyBinaryWriter.micros(v);
                previous = v;
            }
            out.timestampElement(micros);
        }
        out.endArray();
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

    /** Sets {@link #empty} and {@link #someNull} of column {@code c}. */
    private void countNulls(int c) {
        String[] values = columns[c];
        int nulls = 0;
        for (int r = 0; r < size; r++) {
            if (values[r] == null) {
                nulls++;
            }
        }
        empty[c] = nulls == size;
        someNull[c] = nulls > 0;
    }
}
