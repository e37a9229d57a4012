package com.stategraph.billing.load;

import com.stategraph.billing.format.FocusColumn;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Which rows of which files each line of the current COPY holds (a line is a chunk of rows), so
 * that an error PostgreSQL raises about "line N, column c" names the files, their rows and the
 * FOCUS column. Lines are counted per COPY (PostgreSQL restarts at 1 with each); a load starts a
 * new COPY before they grow past {@link #MAX_LINES}.
 */
final class CopyLines {
    static final int MAX_LINES = 1 << 16;
    private static final Pattern WHERE = Pattern.compile("COPY (\\w+), line (\\d+)(?:, column (\\w+))?");

    /** Never given a chunk: it words the errors raised outside a COPY of chunks. */
    private static final CopyLines NO_COPY = new CopyLines();

    private String[] firstFile = new String[16];
    private long[] firstRow = new long[16];
    private String[] lastFile = new String[16];
    private long[] lastRow = new long[16];
    private int lines;

    void newCopy() {
        lines = 0;
    }

    /** One more line of the current COPY: the rows of {@code chunk}. */
    void chunk(RowChunk chunk) {
        line(chunk.firstFile(), chunk.firstRow(), chunk.lastFile(), chunk.lastRow());
    }

    private void line(String fromFile, long fromRow, String toFile, long toRow) {
        if (lines == firstRow.length) {
            firstFile = Arrays.copyOf(firstFile, lines * 2);
            firstRow = Arrays.copyOf(firstRow, lines * 2);
            lastFile = Arrays.copyOf(lastFile, lines * 2);
            lastRow = Arrays.copyOf(lastRow, lines * 2);
        }
        firstFile[lines] = fromFile;
        firstRow[lines] = fromRow;
        lastFile[lines] = toFile;
        lastRow[lines] = toRow;
        lines++;
    }

    /** The lines of {@code more}, after these: its rows follow these in the same COPY. */
    void addAll(CopyLines more) {
        for (int i = 0; i < more.lines; i++) {
            line(more.firstFile[i], more.firstRow[i], more.lastFile[i], more.lastRow[i]);
        }
    }

    boolean full() {
        return lines >= MAX_LINES;
    }

    /** Whether the lines of {@code more} may follow these in the same COPY. */
    boolean fits(CopyLines more) {
        return lines + more.lines <= MAX_LINES;
    }

    /** {@link #describe} for an error raised outside a COPY of chunks (the dictionary, the rollups, the commit). */
    static String describeOutsideCopy(Throwable e) {
        return NO_COPY.describe(e);
    }

    /** A person's account of a database error: where in the export it was, and what PostgreSQL said. */
    String describe(Throwable e) {
        PSQLException psql = psql(e);
        ServerErrorMessage server = psql == null ? null : psql.getServerErrorMessage();
        if (server == null) {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        }
        String what = server.getMessage();
        Matcher m = WHERE.matcher(String.valueOf(server.getWhere()));
        if (!m.find()) {
            return "the database refused the load: " + what;
        }
        String table = m.group(1);
        if (!table.startsWith("billing_chunks")) {
            return "the database refused the " + table + " rollup: " + what;
        }
        int line = (int) Long.parseLong(m.group(2)) - 1;
        String column = m.group(3) == null ? null : focusName(m.group(3));
        StringBuilder out = new StringBuilder();
        if (line >= 0 && line < lines) {
            out.append(firstFile[line]).append(": ");
            if (firstFile[line].equals(lastFile[line])) {
                out.append(firstRow[line] == lastRow[line] ? "row " + firstRow[line] : "rows " + firstRow[line] + " to " + lastRow[line]);
            } else {
                out.append("rows from ").append(firstRow[line]).append(" to ").append(lastFile[line]).append(": row ").append(lastRow[line]);
            }
        } else {
            out.append("line ").append(line + 1);
        }
        if (column != null) {
            out.append(", column ").append(column);
        }
        return out.append(": the database cannot store a value: ").append(what).toString();
    }

    private static String focusName(String dbColumn) {
        if (dbColumn.equals("extra")) {
            return RowChunk.OUTSIDE_FOCUS;
        }
        for (FocusColumn c : FocusColumn.values()) {
            if (c.dbName().equals(dbColumn.toLowerCase(Locale.ROOT))) {
                return c.focusName();
            }
        }
        return dbColumn;
    }

    private static PSQLException psql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p) {
                return p;
            }
        }
        return null;
    }
}
