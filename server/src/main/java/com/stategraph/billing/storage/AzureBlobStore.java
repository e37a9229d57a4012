package com.stategraph.billing.storage;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@code abfss://container@account.dfs.core.windows.net/path}, read through the Blob API of the
 * same account ({@code https://account.blob.core.windows.net/container/path}): the Data Lake SDK
 * adds nothing a reader needs. Credentials: {@code AZURE_STORAGE_CONNECTION_STRING}, else an
 * account key ({@code AZURE_STORAGE_KEY}), else {@code DefaultAzureCredential}.
 */
public class AzureBlobStore implements ObjectStore {
    public static final int MAX_PAGE = 5000;

    private final Function<String, BlobServiceClientBuilder> clients;
    private final int pageSize;
    private final Map<String, BlobContainerClient> containers = new HashMap<>();

    /** @param clients a client builder for an account name, credentials and endpoint already set */
    public AzureBlobStore(Function<String, BlobServiceClientBuilder> clients, int pageSize) {
        this.clients = clients;
        this.pageSize = pageSize;
    }

    /**
     * @param connectionString {@code AZURE_STORAGE_CONNECTION_STRING}, or blank
     * @param accountKey {@code AZURE_STORAGE_KEY} (the key of each account read), or blank
     */
    public static AzureBlobStore withDefaultCredentials(URI endpoint, String connectionString, String accountKey) {
        TokenCredential[] token = new TokenCredential[1];
        return new AzureBlobStore(account -> {
            BlobServiceClientBuilder b = new BlobServiceClientBuilder();
            if (connectionString != null && !connectionString.isBlank()) {
                b.connectionString(connectionString);
            } else if (accountKey != null && !accountKey.isBlank()) {
                b.credential(new StorageSharedKeyCredential(account, accountKey));
            } else {
                if (token[0] == null) {
                    token[0] = new DefaultAzureCredentialBuilder().build();
                }
                b.credential(token[0]);
            }
            return b.endpoint(accountEndpoint(endpoint, account));
        }, 1000);
    }

    /**
     * The account's blob endpoint. An operator endpoint without a path is an emulator's, which
     * names the account in the path ({@code http://127.0.0.1:10000/account}).
     */
    public static String accountEndpoint(URI endpoint, String account) {
        if (endpoint == null) {
            return "https://" + account + ".blob.core.windows.net";
        }
        String base = endpoint.toString().replaceAll("/+$", "");
        String path = endpoint.getPath();
        return path == null || path.isEmpty() || path.equals("/") ? base + "/" + account : base;
    }

    private synchronized BlobContainerClient container(Location location) {
        return containers.computeIfAbsent(location.account() + "/" + location.container(),
                k -> clients.apply(location.account()).buildClient().getBlobContainerClient(location.container()));
    }

    @Override
    public Stream<StoredObject> list(Location location, String prefix) {
        String where = location.uriOf(prefix);
        Iterator<StoredObject> objects = new Iterator<>() {
            private Iterator<BlobItem> blobs;

            @Override
            public boolean hasNext() {
                try {
                    if (blobs == null) {
                        ListBlobsOptions options = new ListBlobsOptions().setMaxResultsPerPage(pageSize);
                        if (!prefix.isEmpty()) {
                            options.setPrefix(prefix);
                        }
                        blobs = container(location).listBlobs(options, null).iterator();
                    }
                    return blobs.hasNext();
                } catch (BlobStorageException e) {
                    throw translate(e, where);
                }
            }

            @Override
            public StoredObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                BlobItem b = blobs.next();
                Long size = b.getProperties() == null ? null : b.getProperties().getContentLength();
                Instant modified = b.getProperties() == null || b.getProperties().getLastModified() == null
                        ? Instant.EPOCH : b.getProperties().getLastModified().toInstant();
                return new StoredObject(b.getName(), size == null ? 0 : size, modified,
                        b.getProperties() == null ? null : b.getProperties().getETag());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(objects, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public InputStream open(Location location, String key) {
        try {
            return container(location).getBlobClient(key).openInputStream();
        } catch (BlobStorageException e) {
            throw translate(e, location.uriOf(key));
        }
    }

    @Override
    public InputStream openRange(Location location, String key, long offset, long length) {
        try {
            return container(location).getBlobClient(key)
                    .openInputStream(new BlobInputStreamOptions().setRange(new BlobRange(offset, length)));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 416) {
                return InputStream.nullInputStream();
            }
            throw translate(e, location.uriOf(key));
        }
    }

    private static StorageException translate(BlobStorageException e, String uri) {
        return switch (e.getStatusCode()) {
            case 404 -> new StorageException(uri + ": the container or blob does not exist", e);
            case 401, 403 -> new StorageException(uri + ": access denied (check the server's Azure credentials"
                    + " and their Storage Blob Data Reader role)", e);
            default -> new StorageException("cannot read " + uri + ": HTTP " + e.getStatusCode() + " "
                    + e.getErrorCode(), e);
        };
    }
}
