package com.stategraph.billing.load;

import com.stategraph.billing.format.FocusColumn;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Which file and row each line of the current COPY came from, so that an error PostgreSQL raises
 * about "line N, column c" names the file, its row and the FOCUS column. Lines are counted per
 * COPY (PostgreSQL restarts at 1 with each); only the points where the file changes or rows were
 * skipped are kept, and a load starts a new COPY before they grow past {@link #MAX_SPANS}.
 */
final class CopyLines {
    static final int MAX_SPANS = 1 << 16;
    private static final Pattern WHERE = Pattern.compile("COPY (\\w+), line (\\d+)(?:, column (\\w+))?");

    private long[] spanLine = new long[16];
    private long[] spanRow = new long[16];
    private String[] spanFile = new String[16];
    private int spans;
    private long line;
    private long nextRow = -1;
    private String file;
    private boolean fileChanged;

    void startFile(String uri) {
        file = uri;
        fileChanged = true;
    }

    void newCopy() {
        spans = 0;
        line = 0;
        nextRow = -1;
        fileChanged = true;
    }

    /** One more line of the current COPY: row {@code fileRow} of the current file. */
    void row(long fileRow) {
        line++;
        if (fileChanged || fileRow != nextRow) {
            if (spans == spanLine.length) {
                spanLine = Arrays.copyOf(spanLine, spans * 2);
                spanRow = Arrays.copyOf(spanRow, spans * 2);
                spanFile = Arrays.copyOf(spanFile, spans * 2);
            }
            spanLine[spans] = line;
            spanRow[spans] = fileRow;
            spanFile[spans] = file;
            spans++;
            fileChanged = false;
        }
        nextRow = fileRow + 1;
    }

    boolean full() {
        return spans >= MAX_SPANS;
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
        if (!table.startsWith("billing_rows")) {
            return "the database refused the " + table + " rollup: " + what;
        }
        long copyLine = Long.parseLong(m.group(2));
        String column = m.group(3) == null ? null : focusName(m.group(3));
        int i = spanAt(copyLine);
        StringBuilder out = new StringBuilder();
        if (i >= 0) {
            out.append(spanFile[i]).append(": row ").append(spanRow[i] + (copyLine - spanLine[i]));
        } else {
            out.append("row ").append(copyLine);
        }
        if (column != null) {
            out.append(", column ").append(column);
        }
        return out.append(": the database cannot store this value: ").append(what).toString();
    }

    private int spanAt(long copyLine) {
        int lo = 0;
        int hi = spans - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (spanLine[mid] <= copyLine) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private static String focusName(String dbColumn) {
        if (dbColumn.equals("extra")) {
            return "(a column outside FOCUS)";
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
