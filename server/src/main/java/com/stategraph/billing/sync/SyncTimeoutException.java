package com.stategraph.billing.sync;

/** A sync that ran past {@code STATEGRAPH_SYNC_TIMEOUT}: it is stopped and its load rolled back. */
public final class SyncTimeoutException extends RuntimeException {
    public SyncTimeoutException(String message) {
        super(message);
    }
}
