package com.stategraph.billing.format;

/**
 * An export file that cannot be loaded, with where: the file's URI, and the data row and column
 * when the fault is in one value.
 */
public class FormatException extends RuntimeException {
    public FormatException(String uri, String problem) {
        this(uri, 0, null, problem);
    }

    public FormatException(String uri, long row, String column, String problem) {
        super(describe(uri, row, column, problem));
    }

    private static String describe(String uri, long row, String column, String problem) {
        StringBuilder sb = new StringBuilder(uri);
        if (row > 0) {
            sb.append(": row ").append(row);
        }
        if (column != null) {
            sb.append(row > 0 ? ", column " : ": column ").append(column);
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The most telling message of an exception chain from a parsing library. */
    static String reason(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
