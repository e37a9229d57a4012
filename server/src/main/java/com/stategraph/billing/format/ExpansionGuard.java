package com.stategraph.billing.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what a text export expands to and stops it at the file's limits: a gzip stream that
 * grows past the uncompressed bytes allowed, or, once large, to far more times its compressed
 * size than any real export does (a decompression bomb), ends the read with an error naming the file.
 */
final class ExpansionGuard extends FilterInputStream {
    private final String uri;
    private final ReadLimits limits;
    private final Counter compressed;
    private long expanded;

    private ExpansionGuard(InputStream decompressed, String uri, ReadLimits limits, Counter compressed) {
        super(decompressed);
        this.uri = uri;
        this.limits = limits;
        this.compressed = compressed;
    }

    /** Counts the bytes read from storage, before any decompression. */
    static final class Counter extends FilterInputStream {
        private long count;

        Counter(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    static ExpansionGuard over(InputStream decompressed, Counter compressed, String uri, ReadLimits limits) {
        return new ExpansionGuard(decompressed, uri, limits, compressed);
    }

    long expanded() {
        return expanded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            grew(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            grew(n);
        }
        return n;
    }

    private void grew(long n) {
        expanded += n;
        if (expanded > limits.maxBytes()) {
            throw new FormatException(uri, "the file expands to more than " + ReadLimits.size(limits.maxBytes())
                    + "; " + limits.bytesRule());
        }
        if (expanded > ReadLimits.EXPANSION_GRACE_BYTES && expanded / Math.max(1, compressed.count) > limits.maxExpansion()) {
            throw new FormatException(uri, "the file expands to more than " + limits.maxExpansion() + " times its compressed"
                    + " size (" + ReadLimits.size(expanded) + " from " + ReadLimits.size(compressed.count) + " so far),"
                    + " which no billing export does; this server stops there (STATEGRAPH_SYNC_MAX_EXPANSION)");
        }
    }
}
