package com.stategraph.billing.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the server talks to: the operator's, or one embedded under the data dir, which asks
 * everyone for a password and which the server uses as a role that is no superuser (EmbeddedRoles).
 */
public final class DatabaseServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);
    /**
     * Test suites only: trade crash safety for speed. Not an environment variable and not
     * documented for operators, because a power loss with these off can corrupt the database.
     */
    static final String UNSAFE_FAST_PROPERTY = "stategraph.test.embedded-postgres-unsafe-fast";

    private final ExternalDatabase target;
    private final EmbeddedDataDirGuard guard;
    /** The embedded PostgreSQL's data directory; null for the operator's. */
    private final Path pgData;
    /** Replaced when the keeper starts PostgreSQL again. */
    private volatile EmbeddedPostgres embedded;
    private EmbeddedDatabaseKeeper keeper;

    private DatabaseServer(ExternalDatabase target, EmbeddedPostgres embedded, EmbeddedDataDirGuard guard, Path pgData) {
        this.target = target;
        this.pgData = pgData;
        this.embedded = embedded;
        this.guard = guard;
    }

    public static DatabaseServer external(ExternalDatabase target) {
        log.info("Using PostgreSQL at {}", target);
        return new DatabaseServer(target, null, null, null);
    }

    /**
     * Starts PostgreSQL on a free loopback port; its data lives in {@code dataDir/postgres} and
     * survives restarts. Should it stop on its own (a full disk), it is started again on the same port.
     *
     * @param startWait how long PostgreSQL may take to accept connections: after a crash it first
     *                  replays its write-ahead log, which on a busy machine takes minutes
     */
    public static DatabaseServer embedded(Path dataDir, Duration startWait) {
        Path pgData = dataDir.resolve("postgres");
        Path runtime = dataDir.resolve("pg-runtime");
        EmbeddedDataDirGuard guard = null;
        try {
            OwnerOnly.createDirectories(dataDir);
            OwnerOnly.createDirectories(runtime);
            OwnerOnly.restrictTree(dataDir);
            guard = EmbeddedDataDirGuard.acquire(dataDir, pgData);
            if (Files.exists(pgData.resolve("postmaster.pid"))) {
                log.warn("The embedded PostgreSQL in {} was not shut down cleanly: it recovers from its write-ahead log"
                        + " before it accepts connections (waiting up to {}; its progress is in {})", pgData, startWait, logFile(pgData));
            }
            // zonky's defaults are for tests (synchronous_commit=off); the server keeps PostgreSQL's durable ones.
            boolean durable = !Boolean.getBoolean(UNSAFE_FAST_PROPERTY);
            String superuserPassword = EmbeddedRoles.superuserPassword(dataDir);
            EmbeddedPostgres pg = start(pgData, runtime, durable, superuserPassword, startWait, 0);
            String appPassword;
            try {
                appPassword = EmbeddedRoles.secure(pgData, pg.getPort(), superuserPassword);
            } catch (java.sql.SQLException e) {
                pg.close();
                throw new IllegalStateException("cannot set up the embedded PostgreSQL's roles: " + e.getMessage(), e);
            }
            // The binaries under pg-runtime are executed: nobody else may write (or read) anything here.
            OwnerOnly.restrictTree(dataDir);
            log.info("Started embedded PostgreSQL on port {} with data in {}{}", pg.getPort(), pgData,
                    durable ? "" : " (fsync off: tests only)");
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
            DatabaseServer server = new DatabaseServer(new ExternalDatabase(url, EmbeddedRoles.APP_ROLE, appPassword), pg, guard, pgData);
            int port = pg.getPort();
            server.keeper = new EmbeddedDatabaseKeeper(pgData, () -> postmasterRuns(pgData), () -> {
                closeQuietly(server.embedded);
                server.embedded = start(pgData, runtime, durable, superuserPassword, startWait, port);
            }, Duration.ofSeconds(2));
            return server;
        } catch (IOException | IllegalStateException e) {
            closeQuietly(guard);
            if (String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new IllegalStateException("another stategraph server is using the embedded PostgreSQL in " + pgData
                        + ": stop it, or give this one another --data-dir (or STATEGRAPH_DATA_DIR)", e);
            }
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    /** Where the embedded PostgreSQL writes what it says: beside its data directory. */
    static Path logFile(Path pgData) {
        return pgData.resolveSibling("postgres.log");
    }

    /** Whether the postmaster named in the data directory's {@code postmaster.pid} is alive. */
    static boolean postmasterRuns(Path pgData) {
        return runningPostmaster(pgData).isPresent();
    }

    /** The live postmaster named in the data directory's {@code postmaster.pid}, if any. */
    private static java.util.Optional<ProcessHandle> runningPostmaster(Path pgData) {
        try {
            java.util.List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            return lines.isEmpty() ? java.util.Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * zonky stops PostgreSQL with pg_ctl, which gives up after 5 s and refuses to run as root: a
     * postmaster was seen still running after it returned. This asks the postmaster itself
     * (SIGTERM, a smart shutdown; the pools are closed by now) and waits for it.
     */
    private static void stopIfStillRunning(Path pgData) {
        runningPostmaster(pgData).ifPresent(postmaster -> {
            postmaster.destroy();
            try {
                postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("the embedded PostgreSQL (pid {}) is still stopping; the next start stops what is left", postmaster.pid());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** PostgreSQL on {@code port} (0: a free one), initialised on its first start. */
    private static EmbeddedPostgres start(Path pgData, Path runtime, boolean durable, String superuserPassword, Duration startWait,
                                          int port) {
        String on = durable ? "on" : "off";
        Path pwfile = runtime.resolve("initdb-password");
        try {
            writeOwnerOnly(pwfile, superuserPassword);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    // A new cluster asks a password of everyone from its first start (initdb takes the last -A).
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toString())
                    .setConnectConfig("password", superuserPassword)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", on)
                    .setServerConfig("synchronous_commit", on)
                    .setServerConfig("full_page_writes", on)
                    // Its output is the server's log now: a line every five minutes per checkpoint would drown the rest.
                    .setServerConfig("log_checkpoints", "off")
                    // A session whose server died (kill -9) ends its statement within seconds instead of running it out.
                    .setServerConfig("client_connection_check_interval", "2s")
                    .setPGStartupWait(startWait)
                    // PostgreSQL's own output goes to a file of the data dir, whole: a pipe is read only while it starts.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile(pgData).toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile(pgData).toFile()));
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(pwfile);
            } catch (IOException ignored) {
                // the next start writes it again; it is owner-only either way
            }
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text + "\n");
    }

    public ExternalDatabase target() {
        return target;
    }

    @Override
    public void close() throws IOException {
        try {
            if (keeper != null) {
                keeper.close();
            }
            if (embedded != null) {
                embedded.close();
                stopIfStillRunning(pgData);
                log.info("Stopped embedded PostgreSQL");
            }
        } finally {
            closeQuietly(guard);
        }
    }

    /** A PostgreSQL that stopped on its own: only its lock is left to release. */
    private static void closeQuietly(EmbeddedPostgres stopped) {
        try {
            stopped.close();
        } catch (IOException | RuntimeException ignored) {
            // it is not running; what is left goes with the next start
        }
    }

    private static void closeQuietly(EmbeddedDataDirGuard guard) {
        if (guard != null) {
            try {
                guard.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }
}
