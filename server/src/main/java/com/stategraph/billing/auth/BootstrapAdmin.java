package com.stategraph.billing.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** On the first start against an empty database, creates the instance admin and its API key. */
@Component
public class BootstrapAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final long BOOTSTRAP_LOCK = 0x5354_4752_4150_4801L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final String configuredKey;
    private final Path dataDir;

    public BootstrapAdmin(JdbcClient jdbc, TransactionTemplate tx, UserRepository users, ApiKeyRepository keys,
                          @Value("${stategraph.bootstrap-api-key:}") String configuredKey,
                          @Value("${stategraph.data-dir}") Path dataDir) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.users = users;
        this.keys = keys;
        this.configuredKey = configuredKey;
        this.dataDir = dataDir;
        // The instance admin's key guards every tenant: one short enough to guess is refused at start.
        if (!configuredKey.isBlank() && configuredKey.trim().length() < MIN_CONFIGURED_KEY) {
            throw new IllegalStateException("STATEGRAPH_BOOTSTRAP_API_KEY must be at least " + MIN_CONFIGURED_KEY
                    + " characters (it has " + configuredKey.trim().length() + "); leave it unset to have one generated");
        }
    }

    static final int MIN_CONFIGURED_KEY = 32;

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configuredKey.isBlank();
        String key = generated ? ApiKeySecrets.generate() : configuredKey.trim();
        // Replicas starting together against one empty database must create one admin, not several.
        Boolean created = tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(BOOTSTRAP_LOCK).query(Object.class).single();
            if (users.count() > 0) {
                return false;
            }
            var adminId = users.insert(null, "admin", null, true);
            keys.insertUserKey(adminId, "bootstrap", key);
            return true;
        });
        if (!Boolean.TRUE.equals(created)) {
            return;
        }
        if (generated) {
            Path file = writeKeyFile(key);
            System.out.println("Created the instance admin. Its API key (shown once, also in " + file + "):");
            System.out.println("  " + key);
        } else {
            log.info("Created the instance admin with the key from STATEGRAPH_BOOTSTRAP_API_KEY");
        }
    }

    private Path writeKeyFile(String key) {
        Path file = dataDir.resolve("bootstrap-api-key");
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
