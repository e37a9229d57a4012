package com.stategraph.billing.db;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded PostgreSQL and starts it again when it stops on its own. PostgreSQL stops
 * when it cannot write its write-ahead log, as on a full disk: then the keeper says so once, and
 * starts it again (on the same port, so the pools reconnect) once there is room for its recovery.
 */
final class EmbeddedDatabaseKeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseKeeper.class);
    /** Free space PostgreSQL is given before it starts again: its recovery writes a checkpoint and new log segments. */
    static final long ROOM_TO_RECOVER = 64L << 20;
    private static final int TAIL_BYTES = 16 << 10;

    /** Starts the database again; throws when it cannot yet. */
    interface Restart {
        void start();
    }

    private final Path pgData;
    private final Restart restart;
    private final java.util.function.BooleanSupplier running;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "embedded-postgres-keeper");
        t.setDaemon(true);
        return t;
    });
    private boolean told;

    EmbeddedDatabaseKeeper(Path pgData, java.util.function.BooleanSupplier running, Restart restart, Duration every) {
        this.pgData = pgData;
        this.running = running;
        this.restart = restart;
        watcher.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            if (running.getAsBoolean()) {
                return;
            }
            long free = usableSpace();
            boolean full = free < ROOM_TO_RECOVER;
            if (!told) {
                told = true;
                if (full) {
                    DatabaseOutage.stoppedOnFullDisk();
                }
                for (String said : lastWords()) {
                    log.error("the embedded PostgreSQL said: {}", said);
                }
                if (full) {
                    log.error("the database's disk is full ({} MB free in {}): the embedded PostgreSQL stopped; it is started"
                            + " again by itself once {} MB are free", free >> 20, pgData, ROOM_TO_RECOVER >> 20);
                } else {
                    log.error("the embedded PostgreSQL in {} stopped on its own; starting it again", pgData);
                }
            }
            if (full) {
                return;
            }
            restart.start();
            log.info("the embedded PostgreSQL in {} runs again ({} MB free)", pgData, usableSpace() >> 20);
            told = false;
        } catch (RuntimeException e) {
            log.warn("cannot start the embedded PostgreSQL in {} yet: {}", pgData, e.getMessage());
        }
    }

    /** The last errors PostgreSQL wrote to its log before it stopped (at most five), for the server's own log. */
    private List<String> lastWords() {
        Path file = DatabaseServer.logFile(pgData);
        try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, in.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(tail);
            List<String> said = new java.util.ArrayList<>();
            for (String line : new String(tail, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                // Connections refused while it recovered say nothing about why it stopped.
                boolean refusal = line.contains("accepting connections") || line.contains("in recovery mode");
                if (!refusal && (line.contains("PANIC:") || line.contains("FATAL:") || line.contains("ERROR:"))) {
                    said.add(line.strip());
                }
            }
            return said.subList(Math.max(0, said.size() - 5), said.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    private long usableSpace() {
        try {
            FileStore store = Files.getFileStore(pgData);
            return store.getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
