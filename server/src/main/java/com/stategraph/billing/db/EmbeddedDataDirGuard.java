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
        stopOrphan(pgData);
        return new EmbeddedDataDirGuard(channel, lock);
    }

    /** Stops a postmaster that a dead server left running on {@code pgData}, if there is one. */
    private static void stopOrphan(Path pgData) throws IOException {
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
        ProcessHandle postmaster = process.get();
        postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old server
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

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
