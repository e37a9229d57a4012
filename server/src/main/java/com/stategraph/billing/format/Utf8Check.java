package com.stategraph.billing.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through and notes whether any of them is not valid UTF-8 (a Latin-1 "ü" is the usual
 * case). The decoder downstream replaces such bytes with U+FFFD; with this note the reader can tell
 * a replaced byte from a U+FFFD the file really holds, and refuse the file instead of loading
 * silently altered text.
 */
final class Utf8Check extends FilterInputStream {
    private int continuation;
    private boolean malformed;

    Utf8Check(InputStream in) {
        super(in);
    }

    boolean malformedSeen() {
        return malformed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        for (int i = off; i < off + n && !malformed; i++) {
            check(buffer[i] & 0xff);
        }
        return n;
    }

    private void check(int b) {
        if (continuation > 0) {
            if ((b & 0xc0) == 0x80) {
                continuation--;
                return;
            }
            malformed = true;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xc2 && b <= 0xdf) {
            continuation = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            continuation = 2;
        } else if (b >= 0xf0 && b <= 0xf4) {
            continuation = 3;
        } else {
            malformed = true; // a continuation byte without a lead, or a byte UTF-8 never uses
        }
    }
}
