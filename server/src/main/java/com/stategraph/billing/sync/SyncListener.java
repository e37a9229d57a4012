package com.stategraph.billing.sync;

/**
 * Told of each sync that ended, on the sync's own thread and through the background pool: a
 * listener never makes a sync wait for the API's connections, and a listener that fails is logged,
 * never fails the run.
 */
public interface SyncListener {
    void finished(SyncFinished run);
}
