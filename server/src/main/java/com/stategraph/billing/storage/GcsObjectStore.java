package com.stategraph.billing.storage;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@code gs://bucket/key} through google-cloud-storage over its HTTP/JSON API, with Google
 * Application Default Credentials. Listings are paged by the client as the stream is consumed.
 */
public class GcsObjectStore implements ObjectStore {
    private static final long PAGE_SIZE = 1000;

    private final Storage storage;

    public GcsObjectStore(Storage storage) {
        this.storage = storage;
    }

    /** The operator's endpoint (an emulator or a private endpoint) if set, else Google's. */
    public static GcsObjectStore withDefaultCredentials(URI endpoint) {
        var builder = StorageOptions.http();
        if (endpoint != null) {
            builder.setHost(endpoint.toString());
        }
        builder.setCredentials(credentials(endpoint != null));
        return new GcsObjectStore(builder.build().getService());
    }

    private static com.google.auth.Credentials credentials(boolean customEndpoint) {
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            if (customEndpoint) {
                // An emulator on the operator's endpoint needs no credentials.
                return NoCredentials.getInstance();
            }
            throw new StorageException("no Google Application Default Credentials: " + e.getMessage(), e);
        }
    }

    @Override
    public Stream<StoredObject> list(Location location, String prefix) {
        String bucket = location.container();
        Iterator<StoredObject> objects = new Iterator<>() {
            private Iterator<Blob> blobs;

            @Override
            public boolean hasNext() {
                try {
                    if (blobs == null) {
                        blobs = storage.list(bucket, Storage.BlobListOption.prefix(prefix),
                                Storage.BlobListOption.pageSize(PAGE_SIZE)).iterateAll().iterator();
                    }
                    return blobs.hasNext();
                } catch (com.google.cloud.storage.StorageException e) {
                    throw translate(e, "gs://" + bucket + "/" + prefix);
                }
            }

            @Override
            public StoredObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Blob b = blobs.next();
                Instant updated = b.getUpdateTimeOffsetDateTime() == null ? Instant.EPOCH
                        : b.getUpdateTimeOffsetDateTime().toInstant();
                return new StoredObject(b.getName(), b.getSize() == null ? 0 : b.getSize(), updated,
                        b.getGeneration() == null ? null : "generation " + b.getGeneration());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(objects, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public InputStream open(Location location, String key) {
        return openRange(location, key, 0, -1);
    }

    @Override
    public InputStream openRange(Location location, String key, long offset, long length) {
        String uri = "gs://" + location.container() + "/" + key;
        try {
            Blob blob = storage.get(BlobId.of(location.container(), key));
            if (blob == null) {
                throw new StorageException(uri + " does not exist");
            }
            ReadChannel reader = blob.reader();
            if (offset > 0) {
                reader.seek(offset);
            }
            if (length >= 0) {
                reader.limit(offset + length);
            }
            return Channels.newInputStream(reader);
        } catch (com.google.cloud.storage.StorageException e) {
            throw translate(e, uri);
        } catch (IOException e) {
            throw new StorageException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            storage.close();
        } catch (Exception ignored) {
            // nothing useful to do about a client that fails to close
        }
    }

    private static StorageException translate(com.google.cloud.storage.StorageException e, String uri) {
        return switch (e.getCode()) {
            case 404 -> new StorageException(uri + ": the bucket or object does not exist", e);
            case 401, 403 -> new StorageException(uri + ": access denied (check the server's Google credentials"
                    + " and their storage.objects.list/get permission)", e);
            default -> new StorageException("cannot read " + uri + ": " + e.getMessage(), e);
        };
    }
}
