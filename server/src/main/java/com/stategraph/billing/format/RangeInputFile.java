package com.stategraph.billing.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet file read in place from object storage through ranged reads: the footer, then each
 * row group's column chunks, in windows of at least {@link #WINDOW} bytes. Nothing is copied to
 * disk and the file is never held whole.
 */
public final class RangeInputFile implements InputFile {
    static final long WINDOW = 8L << 20;

    /** Opens {@code length} bytes from {@code offset}: an object store's ranged read. */
    public interface Ranges {
        InputStream open(long offset, long length) throws IOException;
    }

    private final Ranges ranges;
    private final long size;
    private final long windowBytes;

    public RangeInputFile(Ranges ranges, long size) {
        this(ranges, size, WINDOW);
    }

    RangeInputFile(Ranges ranges, long size, long windowBytes) {
        this.ranges = ranges;
        this.size = size;
        this.windowBytes = windowBytes;
    }

    @Override
    public long getLength() {
        return size;
    }

    @Override
    public SeekableInputStream newStream() {
        return new Stream();
    }

    private final class Stream extends SeekableInputStream {
        private long pos;
        private InputStream window;
        private long windowEnd;

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void seek(long newPos) throws IOException {
            if (newPos == pos) {
                return;
            }
            if (window != null && newPos > pos && newPos < windowEnd && newPos - pos < (1 << 20)) {
                skipFully(newPos - pos);
                return;
            }
            closeWindow();
            pos = newPos;
        }

        private void skipFully(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = window.skip(left);
                if (skipped <= 0) {
                    if (window.read() < 0) {
                        throw new EOFException("unexpected end of object while skipping");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
            pos += n;
        }

        /** A window that covers at least {@code wanted} bytes from pos (or up to the end). */
        private void ensureWindow(long wanted) throws IOException {
            if (window != null && pos < windowEnd) {
                return;
            }
            closeWindow();
            if (pos >= size) {
                return;
            }
            long length = Math.min(size - pos, Math.max(wanted, windowBytes));
            window = ranges.open(pos, length);
            windowEnd = pos + length;
        }

        private void closeWindow() throws IOException {
            if (window != null) {
                window.close();
                window = null;
            }
        }

        @Override
        public int read() throws IOException {
            ensureWindow(1);
            if (window == null) {
                return -1;
            }
            int b = window.read();
            if (b >= 0) {
                pos++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            ensureWindow(len);
            if (window == null) {
                return -1;
            }
            int n = window.read(b, off, (int) Math.min(len, windowEnd - pos));
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            readFully(bytes, 0, bytes.length);
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
            int done = 0;
            while (done < len) {
                int n = read(bytes, start + done, len - done);
                if (n < 0) {
                    throw new EOFException("reached the end of the object with " + (len - done) + " bytes still to read");
                }
                done += n;
            }
        }

        @Override
        public int read(ByteBuffer buf) throws IOException {
            int len = buf.remaining();
            byte[] tmp = new byte[Math.min(len, 1 << 16)];
            int n = read(tmp, 0, tmp.length);
            if (n > 0) {
                buf.put(tmp, 0, n);
            }
            return n;
        }

        @Override
        public void readFully(ByteBuffer buf) throws IOException {
            if (buf.hasArray()) {
                int len = buf.remaining();
                readFully(buf.array(), buf.arrayOffset() + buf.position(), len);
                buf.position(buf.position() + len);
                return;
            }
            byte[] tmp = new byte[1 << 16];
            while (buf.hasRemaining()) {
                int want = Math.min(tmp.length, buf.remaining());
                readFully(tmp, 0, want);
                buf.put(tmp, 0, want);
            }
        }

        @Override
        public void close() throws IOException {
            closeWindow();
        }
    }
}
