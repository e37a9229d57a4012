package com.stategraph.billing.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL the server talks to: the operator's, or one embedded under the data dir. */
public final class DatabaseServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final ExternalDatabase target;
    private final EmbeddedPostgres embedded;

    private DatabaseServer(ExternalDatabase target, EmbeddedPostgres embedded) {
        this.target = target;
        this.embedded = embedded;
    }

    public static DatabaseServer external(ExternalDatabase target) {
        log.info("Using PostgreSQL at {}", target);
        return new DatabaseServer(target, null);
    }

    /** Starts PostgreSQL on a free loopback port; its data lives in {@code dataDir/postgres} and survives restarts. */
    public static DatabaseServer embedded(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("pg-runtime").toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            log.info("Started embedded PostgreSQL on port {} with data in {}", pg.getPort(), pgData);
            String url = pg.getJdbcUrl("postgres", "postgres");
            return new DatabaseServer(new ExternalDatabase(url, "postgres", null), pg);
        } catch (IOException | IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new IllegalStateException("another stategraph server is using the embedded PostgreSQL in " + pgData
                        + ": stop it, or give this one another --data-dir (or STATEGRAPH_DATA_DIR)", e);
            }
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    public ExternalDatabase target() {
        return target;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            log.info("Stopped embedded PostgreSQL");
        }
    }
}
