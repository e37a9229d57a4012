package com.stategraph.billing.storage;

/** Storage refused or failed; the message names the URI and, where known, what to do about it. */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
