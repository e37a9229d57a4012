package com.stategraph.billing.load;

import java.io.IOException;
import java.io.Writer;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyTextWriter {
    private final Writer out;
    private boolean firstField = true;
    private boolean droppedNul;

    CopyTextWriter(Writer out) {
        this.out = out;
    }

    void field(String value) throws IOException {
        if (!firstField) {
            out.write('\t');
        }
        firstField = false;
        if (value == null) {
            out.write("\\N");
            return;
        }
        int clean = 0;
        int n = value.length();
        while (clean < n && !special(value.charAt(clean))) {
            clean++;
        }
        if (clean == n) {
            out.write(value);
            return;
        }
        out.write(value, 0, clean);
        for (int i = clean; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\0' -> droppedNul = true; // PostgreSQL text cannot hold NUL; exports only have it as padding
                default -> out.write(c);
            }
        }
    }

    /** Whether a value lost a NUL: two values may then have become one. */
    boolean droppedNul() {
        return droppedNul;
    }

    void endRow() throws IOException {
        out.write('\n');
        firstField = true;
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
    }
}
