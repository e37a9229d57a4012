package com.stategraph.billing.api;

import com.stategraph.billing.domain.TooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body read up to a limit: one byte more is refused (413) before it is parsed. */
public final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private final String setting;
    private long read;

    /** @param setting what the caller may change to send more, for the error */
    public BoundedInputStream(InputStream in, long limit, String setting) {
        super(in);
        this.limit = limit;
        this.setting = setting;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            // Unchecked, so a JSON parser reading this stream lets it through instead of reporting bad JSON.
            throw refused(limit, setting);
        }
    }

    /** The refusal of a body larger than {@code limit}. */
    public static TooLargeException refused(long limit, String setting) {
        return new TooLargeException("TOO_LARGE", "the body is larger than " + limit + " bytes (" + setting + ")");
    }
}
