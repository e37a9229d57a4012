package com.stategraph.billing.storage;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * One object of a store, with the size its listing gave: read whole, as a range, or at a position.
 * Every read here is one request to the store.
 */
public final class StoredFile {
    private final ObjectStore store;
    private final Location location;
    private final String key;
    private final long size;
    private final String uri;

    public StoredFile(ObjectStore store, Location location, String key, long size, String uri) {
        this.store = store;
        this.location = location;
        this.key = key;
        this.size = size;
        this.uri = uri;
    }

    public long size() {
        return size;
    }

    public String uri() {
        return uri;
    }

    /** The whole object, streamed. */
    public InputStream open() {
        return store.open(location, key);
    }

    /** {@code length} bytes from {@code offset} (fewer at the end of the object), streamed. */
    public InputStream openRange(long offset, long length) {
        return store.openRange(location, key, offset, length);
    }

    /**
     * Exactly {@code length} bytes at {@code position} into {@code buffer}.
     *
     * @throws EOFException when the object ends first
     */
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        try (InputStream in = openRange(position, length)) {
            int done = in.readNBytes(buffer, offset, length);
            if (done < length) {
                throw new EOFException(uri + " ends at byte " + (position + done) + ", before the " + length
                        + " bytes asked for at " + position);
            }
        }
    }

    /** The last {@code min(length, size)} bytes: where Parquet keeps its footer. */
    public byte[] readTail(int length) throws IOException {
        int n = (int) Math.min(length, size);
        byte[] tail = new byte[n];
        readFully(size - n, tail, 0, n);
        return tail;
    }
}
