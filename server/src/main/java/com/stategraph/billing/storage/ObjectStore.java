package com.stategraph.billing.storage;

import java.io.InputStream;
import java.util.stream.Stream;

/**
 * One kind of object storage. Deliberately small: list what lies under a prefix, and read an
 * object whole or in part. Retries of transient errors are the cloud SDK's own business.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Every object whose key starts with {@code prefix} in the location's bucket or container,
     * fetched page by page as the stream is consumed. A prefix with nothing under it lists nothing;
     * a bucket that does not exist or cannot be read is a {@link StorageException}.
     */
    Stream<StoredObject> list(Location location, String prefix);

    /** The whole object, streamed. */
    InputStream open(Location location, String key);

    /** {@code length} bytes from {@code offset} (fewer at the end of the object). */
    InputStream openRange(Location location, String key, long offset, long length);

    /** Releases the store's client; a store is made for one sync. */
    @Override
    default void close() {
    }
}
