package com.stategraph.billing.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server per data dir, and no PostgreSQL left over from one that died. The server holds an
 * exclusive lock on {@code <data-dir>/server.lock} while it runs; the operating system releases
 * it when the process dies, {@code kill -9} included. A postmaster still running on our data dir
 * while we hold the lock is therefore an orphan of a dead server: it is stopped before ours starts.
 */
final class EmbeddedDataDirGuard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirGuard.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofMinutes(2);

    private final FileChannel channel;
    private final FileLock lock;

    private EmbeddedDataDirGuard(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another live server uses the data dir */
    static EmbeddedDataDirGuard acquire(Path dataDir, Path pgData) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another stategraph server is using the embedded PostgreSQL in " + pgData
                    + ": stop it, or give this one another --data-dir (or STATEGRAPH_DATA_DIR)");
        }
        stopOrphan(dataDir, pgData);
        return new EmbeddedDataDirGuard(channel, lock);
    }

    /**
     * Stops a postmaster that a dead server left running on {@code pgData}, if there is one. Its
     * sessions are ended first: their clients died with the old server, but a session in the middle
     * of a long statement (a sync's load) would not notice until the statement ends, and the
     * shutdown (SIGTERM, which lets PostgreSQL checkpoint, so the next start recovers nothing) would
     * wait for it. pg_ctl's fast shutdown would do both, but pg_ctl refuses to run as root.
     */
    private static void stopOrphan(Path dataDir, Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        boolean ours = process.flatMap(p -> p.info().command()).map(c -> c.endsWith("postgres")).orElse(false)
                && Path.of(lines.get(1).trim()).toAbsolutePath().normalize().equals(pgData.toAbsolutePath().normalize());
        if (!ours) {
            return; // a stale pid file: PostgreSQL itself removes it on start
        }
        log.warn("The embedded PostgreSQL (pid {}) was left running by a server that did not shut down; stopping it", pid);
        if (lines.size() > 3) {
            endSessions(dataDir, lines.get(3).trim());
        }
        ProcessHandle postmaster = process.get();
        postmaster.destroy();
        Instant deadline = Instant.now().plus(ORPHAN_STOP_WAIT);
        while (postmaster.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the orphaned embedded PostgreSQL", e);
            }
        }
        if (postmaster.isAlive()) {
            throw new IllegalStateException("the embedded PostgreSQL (pid " + pid + ") left running by an earlier server"
                    + " did not stop within " + ORPHAN_STOP_WAIT.toMinutes() + " minutes; stop it and start again");
        }
        log.info("Stopped the orphaned embedded PostgreSQL (pid {})", pid);
    }

    /** Best effort: a session left is waited for by the shutdown, as before. */
    private static void endSessions(Path dataDir, String port) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", EmbeddedRoles.superuserPassword(dataDir));
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            rs.next();
            log.info("Ended {} session(s) of the orphaned embedded PostgreSQL", rs.getLong(1));
        } catch (IOException | java.sql.SQLException e) {
            log.warn("cannot end the orphaned embedded PostgreSQL's sessions; its shutdown waits for them: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
