package com.stategraph.billing.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The chunks' binary COPYs, on a thread of their own that holds the load's connection while they
 * run: the load's writer hands each piece of encoded rows over and goes on with the next rows while
 * PostgreSQL stores these. When the writer sent them itself it waited for each COPY of a period's
 * waiting chunks to be stored (16 MB, about 0.75 s of PostgreSQL at a time in the bench's usual
 * export, whose rows alternate between two periods) while the reader waited for it: reading and
 * storing took turns, and a core was idle half the sync. Consecutive pieces of one table go into one
 * COPY; a piece of another table ends it and starts that table's. At most {@code budget} bytes are
 * handed over and not yet written: the writer waits for the rest.
 */
final class CopyFeeder implements AutoCloseable {
    /** Writers kept for reuse; larger ones (a period's waiting chunks) are left to the garbage collector. */
    private static final int SPARE = 8;
    private static final int SPARE_MAX_BYTES = 4 << 20;

    /** Rows of {@code table} with where they came from; or, without a table, a request to end the COPY. */
    private record Piece(LoadTable table, CopyBinaryWriter rows, CopyLines lines, int permits, CountDownLatch ended) {
    }

    private final Connection connection;
    private final BlockingQueue<Piece> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<CopyBinaryWriter> spare = new ArrayBlockingQueue<>(SPARE);
    private final int budget;
    private final Semaphore unwritten;
    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean closing;
    /** On the feeder's thread: the open COPY, its table and where each of its lines came from. */
    private PGCopyOutputStream copy;
    private LoadTable open;
    private final CopyLines openLines = new CopyLines();

    CopyFeeder(Connection connection, int budget, String name) {
        this.connection = connection;
        this.budget = budget;
        this.unwritten = new Semaphore(budget);
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A writer for the next piece: one the feeder is done with, or a new one. */
    CopyBinaryWriter writer() {
        CopyBinaryWriter w = spare.poll();
        return w != null ? w : new CopyBinaryWriter(1 << 20);
    }

    /**
     * Hands {@code rows} of {@code table} over, with the chunks they hold ({@code lines}); both belong
     * to the feeder from now on. Waits while the pieces not yet written take the whole budget.
     */
    void send(LoadTable table, CopyBinaryWriter rows, CopyLines lines) {
        int permits = Math.min(rows.size(), budget);
        try {
            while (!unwritten.tryAcquire(permits, 100, TimeUnit.MILLISECONDS)) {
                checkRunning();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database to store rows", e);
        }
        rethrow();
        queue.add(new Piece(table, rows, lines, permits, null));
    }

    /** Waits until every piece handed over is written and the COPY ended: the connection is then free for other statements. */
    void pause() {
        rethrow();
        CountDownLatch ended = new CountDownLatch(1);
        queue.add(new Piece(null, null, null, 0, ended));
        try {
            while (!ended.await(100, TimeUnit.MILLISECONDS)) {
                checkRunning();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database to store rows", e);
        }
        rethrow();
    }

    private void run() {
        try {
            while (true) {
                Piece p = queue.take();
                if (closing) {
                    return;
                }
                if (failure == null) {
                    try {
                        if (p.table() == null) {
                            end();
                        } else {
                            write(p);
                        }
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
                // after a failure, pieces are dropped and waiters woken: they see the failure
                if (p.ended() != null) {
                    p.ended().countDown();
                }
                unwritten.release(p.permits());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Piece p) {
        if (p.table() != open || !openLines.fits(p.lines())) {
            end();
            start(p.table());
        }
        openLines.addAll(p.lines());
        try {
            p.rows().writeTo(copy);
        } catch (IOException e) {
            throw new BillingLoad.LoadException(openLines.describe(e), e);
        }
        if (p.rows().capacity() <= SPARE_MAX_BYTES) {
            p.rows().reset();
            spare.offer(p.rows());
        }
    }

    private void start(LoadTable table) {
        try {
            table.create(connection);
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(String.format(ChunkCopies.COPY_SQL, table.name)), 1 << 16);
            copy.write(CopyBinaryWriter.HEADER);
        } catch (SQLException | IOException e) {
            throw new BillingLoad.LoadException(CopyLines.describeOutsideCopy(e), e);
        }
        open = table;
        openLines.newCopy();
    }

    private void end() {
        if (open == null) {
            return;
        }
        try {
            copy.write(CopyBinaryWriter.TRAILER);
            copy.endCopy();
        } catch (IOException | SQLException e) {
            throw new BillingLoad.LoadException(openLines.describe(e), e);
        } finally {
            open = null;
        }
    }

    private void checkRunning() {
        rethrow();
        if (!thread.isAlive()) {
            throw new IllegalStateException("the load's COPY thread stopped");
        }
    }

    private void rethrow() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /**
     * Stops the feeder without writing what is left; a COPY left open is cancelled (the rollback that
     * follows undoes the rest).
     *
     * @return false when the thread is still running (stuck in a write to the database, say): the
     *     caller must not use the connection (the load aborts it)
     */
    boolean stop(java.time.Duration wait) {
        closing = true;
        queue.add(new Piece(null, null, null, 0, null));
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            return false;
        }
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the rollback that follows undoes everything either way
            }
        }
        return true;
    }

    @Override
    public void close() {
        stop(java.time.Duration.ofSeconds(10));
    }
}
