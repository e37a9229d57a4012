package com.stategraph.billing.sync;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The name this process's scheduler marks the executions it picks with. A server that holds its
 * data directory's lock file goes by a name made of its host and that directory, so the same
 * server started again finds the executions it held when it died under its own name and takes them
 * up at once, instead of waiting out the heartbeat timeout as other replicas must. The operating
 * system releases the lock when the process dies, kill -9 included; while a process holds it, any
 * other process on that directory goes by a name of its own and reclaims nothing.
 */
final class SchedulerIdentity {
    /** The name, and whether executions already marked with it are this server's own from before it stopped. */
    record Name(String value, boolean reclaims) {
    }

    /** Held open for the life of the process: closing it would release the lock. */
    private static FileChannel held;
    private static String heldName;

    private SchedulerIdentity() {
    }

    static synchronized Name claim(Path dataDir) {
        if (held != null) {
            // the scheduler of this process started again (a context restarted): its executions were its own, and ran here
            return new Name(heldName, false);
        }
        String stable = host() + "-" + digest(dataDir.toAbsolutePath().normalize().toString());
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve("scheduler.lock");
            if (!Files.exists(lockFile)) {
                // the data directory is the owner's alone: so is every file in it
                try {
                    Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(lockFile);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process made it first: the lock decides
                }
            }
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                return unique();
            }
            held = channel;
            heldName = stable;
            return new Name(stable, true);
        } catch (IOException | OverlappingFileLockException e) {
            return unique();
        }
    }

    private static Name unique() {
        return new Name(host() + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + UUID.randomUUID().toString().substring(0, 8),
                false);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
