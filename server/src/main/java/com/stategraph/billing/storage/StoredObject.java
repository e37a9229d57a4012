package com.stategraph.billing.storage;

import java.time.Instant;

/** An object found by a listing: its key within the bucket, its size and when it was last written. */
public record StoredObject(String key, long size, Instant lastModified) {
}
