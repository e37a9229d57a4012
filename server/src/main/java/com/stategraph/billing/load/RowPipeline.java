package com.stategraph.billing.load;

import com.stategraph.billing.format.CanonicalRow;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands rows from the thread that reads and normalises them to a thread of the load's own that
 * sums, chunks and writes them, so both halves of a sync run at once. Rows travel in a few
 * reusable batches: memory stays at {@link #BATCHES} x {@link #ROWS} rows whatever the export's
 * size, and the reader waits when the writer is behind. A failure on the writer's side is thrown
 * to the reader at its next row or at {@link #finish}.
 */
final class RowPipeline implements AutoCloseable {
    static final int ROWS = 1024;
    static final int BATCHES = 4;

    /** What the writer does with each row. */
    interface Sink {
        void accept(CanonicalRow row, String file, long fileRow);
    }

    private static final class Batch {
        final CanonicalRow[] rows = new CanonicalRow[ROWS];
        final String[] files = new String[ROWS];
        final long[] fileRows = new long[ROWS];
        int size;
        boolean last;

        Batch() {
            for (int i = 0; i < ROWS; i++) {
                rows[i] = new CanonicalRow();
            }
        }
    }

    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
    private final Thread writer;
    private volatile Throwable failure;
    private Batch filling;

    RowPipeline(Sink sink, String name) {
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch());
        }
        writer = new Thread(() -> run(sink), name);
        writer.setDaemon(true);
        writer.start();
    }

    private void run(Sink sink) {
        try {
            while (true) {
                Batch b = full.take();
                for (int i = 0; i < b.size; i++) {
                    sink.accept(b.rows[i], b.files[i], b.fileRows[i]);
                }
                if (b.last) {
                    return;
                }
                b.size = 0;
                free.put(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
        }
    }

    /** Queues a copy of {@code row}; waits while every batch is with the writer. */
    void add(CanonicalRow row, String file, long fileRow) {
        if (filling == null) {
            filling = next(free);
        }
        int i = filling.size++;
        filling.rows[i].copyFrom(row);
        filling.files[i] = file;
        filling.fileRows[i] = fileRow;
        if (filling.size == ROWS) {
            hand(filling);
            filling = null;
        }
    }

    /**
     * Hands over what is queued and waits until the writer is done with every row so far; the
     * writer then waits for the next batch, and what it shares with the reader may be changed.
     */
    void drain() {
        if (filling != null && filling.size > 0) {
            hand(filling);
            filling = null;
        }
        // The writer gives each batch back when done with it.
        while (free.size() + (filling == null ? 0 : 1) < BATCHES) {
            rethrow();
            if (!writer.isAlive()) {
                rethrow();
                throw new IllegalStateException("the load's writer stopped");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the load");
            }
        }
        rethrow();
    }

    /** Hands over what is left and waits until the writer has taken every row. */
    void finish() {
        Batch b = filling != null ? filling : next(free);
        filling = null;
        b.last = true;
        hand(b);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load wrote its last rows", e);
        }
        rethrow();
    }

    private void hand(Batch b) {
        rethrow();
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to the load", e);
        }
    }

    private Batch next(BlockingQueue<Batch> queue) {
        try {
            while (true) {
                rethrow();
                Batch b = queue.poll(100, TimeUnit.MILLISECONDS);
                if (b != null) {
                    return b;
                }
                if (!writer.isAlive()) {
                    rethrow();
                    throw new IllegalStateException("the load's writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the load", e);
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /**
     * Stops the writer, whatever it was doing, waiting at most {@code wait} for it.
     *
     * @return false when the writer is still running (stuck in a database call, say): the caller
     *     must not use what the writer uses (the load aborts the connection)
     */
    boolean stop(java.time.Duration wait) {
        writer.interrupt();
        try {
            writer.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !writer.isAlive();
    }

    @Override
    public void close() {
        stop(java.time.Duration.ofSeconds(10));
    }
}
