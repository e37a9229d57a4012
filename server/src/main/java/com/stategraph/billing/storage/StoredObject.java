package com.stategraph.billing.storage;

import java.time.Instant;

/**
 * An object found by a listing: its key within the bucket, its size, when it was last written,
 * and its version as the store tells it (S3's or Azure's ETag, GCS's generation; for a local file
 * its size, modification time and inode), or null when the store does not say. An object whose
 * version is unchanged holds the same bytes.
 */
public record StoredObject(String key, long size, Instant lastModified, String version) {
}
