package com.stategraph.billing.storage;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Makes the store for a location's scheme, with the operator's endpoint overrides and the
 * ambient credentials of the server process; nothing a tenant admin typed reaches this except
 * the URI itself, and file:// only when the operator allowed it.
 */
@Component
public class ObjectStores {
    private final S3Settings s3;
    private final URI gcsEndpoint;
    private final URI azureBlobEndpoint;
    private final boolean allowFiles;
    private final String azureConnectionString;
    private final String azureAccountKey;
    private final FileSourceRoot fileRoot;

    public ObjectStores(@Value("${stategraph.s3.endpoint:}") String s3Endpoint,
                        @Value("${stategraph.s3.path-style:false}") boolean s3PathStyle,
                        @Value("${stategraph.gcs.endpoint:}") String gcsEndpoint,
                        @Value("${stategraph.azure.blob-endpoint:}") String azureBlobEndpoint,
                        @Value("${stategraph.allow-file-sources:false}") boolean allowFiles,
                        @Value("${stategraph.azure.connection-string:}") String azureConnectionString,
                        @Value("${stategraph.azure.account-key:}") String azureAccountKey, FileSourceRoot fileRoot) {
        this.s3 = new S3Settings(uri(s3Endpoint, "STATEGRAPH_S3_ENDPOINT"), s3PathStyle, S3Settings.MAX_PAGE);
        this.gcsEndpoint = uri(gcsEndpoint, "STATEGRAPH_GCS_ENDPOINT");
        this.azureBlobEndpoint = uri(azureBlobEndpoint, "STATEGRAPH_AZURE_BLOB_ENDPOINT");
        this.allowFiles = allowFiles;
        this.azureConnectionString = azureConnectionString;
        this.azureAccountKey = azureAccountKey;
        this.fileRoot = fileRoot;
    }

    /** A store for one sync of a tenant's source; close it when the sync ends. */
    public ObjectStore open(Location location, String region, java.util.UUID tenantId) {
        return switch (location.scheme()) {
            case S3 -> new S3ObjectStore(s3, region, DefaultCredentialsProvider.builder().build());
            case GS -> GcsObjectStore.withDefaultCredentials(gcsEndpoint);
            case ABFSS -> AzureBlobStore.withDefaultCredentials(azureBlobEndpoint, azureConnectionString, azureAccountKey);
            case FILE -> {
                if (!allowFiles) {
                    throw new StorageException("file:// sources are disabled on this server"
                            + " (the operator can allow them with STATEGRAPH_ALLOW_FILE_SOURCES=true)");
                }
                yield new LocalFileStore(fileRoot.directoryFor(tenantId));
            }
        };
    }

    private static URI uri(String text, String variable) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(text.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not a URL (e.g. http://127.0.0.1:9000): " + text);
        }
    }
}
