package com.stategraph.billing.load;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Gives a load's chunks their dictionary ids on a thread of its own, while the load's writer goes on
 * with the next rows. At a resource per line most of a chunk's strings are new, and the writer
 * waited on the dictionary's inserts for half the sync; the dictionary has a connection of its own,
 * so PostgreSQL now stores them beside the load's COPY. Every use of the dictionary goes through
 * this thread: its cache is not shared.
 */
final class ChunkIds implements AutoCloseable {
    @FunctionalInterface
    private interface Work {
        void run() throws SQLException, RowChunk.Refused;
    }

    private final StringDictionary dictionary;
    private final ExecutorService thread;

    ChunkIds(StringDictionary dictionary, String name) {
        this.dictionary = dictionary;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts resolving {@code chunk}'s strings; the chunk is the dictionary thread's until {@link #await} of the result. */
    Future<Void> resolve(RowChunk chunk) {
        return submit(() -> chunk.resolve(dictionary));
    }

    /** Stores the JSON values {@code chunk} got since the last call, and waits for it. */
    void storeJson(RowChunk chunk) throws SQLException, RowChunk.Refused {
        await(submit(() -> chunk.storeJson(dictionary)));
    }

    /** Stores JSON values no chunk holds (the rollups' masked tag sets), and waits for it. */
    void storeJsonValues(java.util.List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        try {
            await(submit(() -> {
                try {
                    dictionary.ensure(StringDictionary.Kind.JSON, values);
                } catch (StringDictionary.RefusedValue e) {
                    // made by the load from JSON the database took: a fault, not bad input
                    throw new IllegalStateException("the dictionary refused a masked tag set: " + e.getMessage(), e);
                }
            }));
        } catch (SQLException e) {
            throw new BillingLoad.LoadException(CopyLines.describeOutsideCopy(e), e);
        } catch (RowChunk.Refused e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for {@code work}, rethrowing what it failed with. */
    static void await(Future<Void> work) throws SQLException, RowChunk.Refused {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the load was stopped while its strings were being stored", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException s) {
                throw s;
            }
            if (cause instanceof RowChunk.Refused r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private Future<Void> submit(Work work) {
        return thread.submit(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            // A statement in progress finishes on its own connection; nothing waits on it after this.
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
