package com.stategraph.billing.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import com.stategraph.billing.storage.StoredFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet file read in place from its store: the tail (footer, its length and the closing magic)
 * in one request, then each row group's column chunks in windows of at least {@link #WINDOW} bytes.
 * Nothing is copied to disk and the file is never held whole.
 */
public final class StoredParquetFile implements InputFile {
    static final long WINDOW = 8L << 20;
    /** Footers of real exports are a few KiB to a few hundred; one read of this much covers nearly all. */
    static final int TAIL = 256 * 1024;

    private final StoredFile file;
    private final long size;
    private final long windowBytes;
    private byte[] tail;

    public StoredParquetFile(StoredFile file) {
        this(file, WINDOW);
    }

    StoredParquetFile(StoredFile file, long windowBytes) {
        this.file = file;
        this.size = file.size();
        this.windowBytes = windowBytes;
    }

    /** The last bytes of the file, fetched once for all streams. */
    private byte[] tail() throws IOException {
        if (tail == null) {
            tail = file.readTail(TAIL);
        }
        return tail;
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
            window = file.openRange(pos, length);
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
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            long tailStart = size - Math.min(TAIL, size);
            if (pos >= tailStart && pos < size) {
                // The footer and everything near the end come from the one tail read.
                closeWindow();
                int n = (int) Math.min(len, size - pos);
                System.arraycopy(tail(), (int) (pos - tailStart), b, off, n);
                pos += n;
                return n;
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
