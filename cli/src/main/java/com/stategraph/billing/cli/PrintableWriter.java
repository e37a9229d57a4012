package com.stategraph.billing.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the CLI prints comes from the server, and the server's text from billing data anyone may
 * have written: control characters (C0 but line feed and tab, DEL, C1, and so ESC) are replaced by
 * U+FFFD, so no escape sequence reaches the terminal (a title change, colours, a cursor move).
 */
final class PrintableWriter extends FilterWriter {
    static final char REPLACEMENT = '\uFFFD';

    PrintableWriter(Writer out) {
        super(out);
    }

    static boolean isControl(int c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F;
    }

    @Override
    public void write(int c) throws IOException {
        out.write(isControl(c) ? REPLACEMENT : c);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        char[] copy = new char[length];
        for (int i = 0; i < length; i++) {
            char c = chars[offset + i];
            copy[i] = isControl(c) ? REPLACEMENT : c;
        }
        out.write(copy, 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }
}
