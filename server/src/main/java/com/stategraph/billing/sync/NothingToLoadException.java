package com.stategraph.billing.sync;

/** The source's URI matches no data file: the sync changes nothing rather than erase what was loaded. */
public final class NothingToLoadException extends RuntimeException {
    public NothingToLoadException(String message) {
        super(message);
    }
}
