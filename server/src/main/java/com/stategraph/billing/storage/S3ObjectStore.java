package com.stategraph.billing.storage;

import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code s3://bucket/key} through the AWS SDK v2. Credentials come from the provider it is given
 * (the SDK's default chain in the server), never from the source. Buckets in another region than
 * the client's are followed by the SDK's cross-region access.
 */
public class S3ObjectStore implements ObjectStore, AutoCloseable {
    private final S3Client s3;
    private final S3Settings settings;

    public S3ObjectStore(S3Settings settings, String region, AwsCredentialsProvider credentials) {
        this.settings = settings;
        var builder = S3Client.builder()
                .credentialsProvider(credentials)
                .region(Region.of(region == null ? "us-east-1" : region))
                .crossRegionAccessEnabled(settings.endpoint() == null)
                .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.s3 = builder.build();
    }

    @Override
    public Stream<StoredObject> list(Location location, String prefix) {
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(location.container())
                .prefix(prefix)
                .maxKeys(settings.pageSize())
                .build();
        // The paginator asks for the next page only when the stream reaches it, so failures surface there too.
        Iterator<StoredObject> objects = new Iterator<>() {
            private Iterator<S3Object> pages;

            @Override
            public boolean hasNext() {
                try {
                    if (pages == null) {
                        pages = s3.listObjectsV2Paginator(request).contents().iterator();
                    }
                    return pages.hasNext();
                } catch (SdkException e) {
                    throw translate(e, location.container(), prefix);
                }
            }

            @Override
            public StoredObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                S3Object o = pages.next();
                return new StoredObject(o.key(), o.size(), o.lastModified(), o.eTag());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(objects, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public InputStream open(Location location, String key) {
        return get(location, key, null);
    }

    @Override
    public InputStream openRange(Location location, String key, long offset, long length) {
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        return get(location, key, "bytes=" + offset + "-" + (offset + length - 1));
    }

    private InputStream get(Location location, String key, String range) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.container()).key(key);
        if (range != null) {
            request.range(range);
        }
        try {
            return s3.getObject(request.build());
        } catch (SdkException e) {
            throw translate(e, location.container(), key);
        }
    }

    static StorageException translate(SdkException e, String bucket, String key) {
        String uri = "s3://" + bucket + "/" + key;
        if (e instanceof NoSuchBucketException) {
            return new StorageException("bucket '" + bucket + "' does not exist (" + uri + ")", e);
        }
        if (e instanceof NoSuchKeyException) {
            return new StorageException(uri + " does not exist", e);
        }
        if (e instanceof S3Exception s3e) {
            String code = s3e.awsErrorDetails() == null ? null : s3e.awsErrorDetails().errorCode();
            if (s3e.statusCode() == 403) {
                return new StorageException("access denied to " + uri + " (" + (code == null ? "HTTP 403" : code)
                        + "): check the server's AWS credentials and the bucket policy", e);
            }
            if (s3e.statusCode() == 404) {
                return new StorageException("bucket '" + bucket + "' does not exist (" + uri + ")", e);
            }
            return new StorageException("S3 refused " + uri + ": " + (code == null ? "HTTP " + s3e.statusCode() : code), e);
        }
        if (e instanceof SdkClientException) {
            return new StorageException("cannot read " + uri + ": " + e.getMessage(), e);
        }
        return new StorageException("S3 failed on " + uri + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
