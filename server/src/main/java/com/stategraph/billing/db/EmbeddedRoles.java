package com.stategraph.billing.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

/**
 * Who may connect to the embedded PostgreSQL, and as what. Nobody connects without a password
 * (scram-sha-256, also over the Unix socket): the superuser's is random, kept owner-only in
 * {@code <data dir>/postgres-password} for the operator's psql, backups and upgrades. The server
 * itself connects as {@value #APP_ROLE}, which owns the database and every schema and table in it but
 * is no superuser, so {@code COPY ... TO PROGRAM}, {@code pg_read_server_files} and the like are
 * refused to it. That role's password is new at every start and never written down.
 */
final class EmbeddedRoles {
    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "stategraph";
    static final String PASSWORD_FILE = "postgres-password";
    private static final String HBA = """
            # Written by stategraph at every start: a password (scram-sha-256) for everyone, loopback only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedRoles() {
    }

    /** The superuser's password, made on the first start. */
    static String superuserPassword(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.isEmpty()) {
                return kept;
            }
        }
        String password = newPassword();
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return password;
    }

    /**
     * Makes a running instance follow the rules above, whatever an older version left (trust, every
     * table owned by the superuser). @return the server role's password for this start
     */
    static String secure(Path pgData, int port, String superuserPassword) throws IOException, SQLException {
        String appPassword = newPassword();
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", superuserPassword);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
             Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(superuserPassword));
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN"
                    + " CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS; END IF; END $$");
            s.execute("ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD "
                    + literal(appPassword));
            s.execute("ALTER DATABASE postgres OWNER TO " + APP_ROLE);
            s.execute(GIVE_OWNERSHIP);
            Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        }
        return appPassword;
    }

    /**
     * Everything of the server's that an older version created as the superuser. A sequence that
     * belongs to a column follows its table; system schemas stay as they are.
     */
    private static final String GIVE_OWNERSHIP = """
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT n.nspname FROM pg_namespace n
                       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                         AND n.nspowner <> (SELECT oid FROM pg_roles WHERE rolname = 'stategraph') LOOP
                EXECUTE format('ALTER SCHEMA %I OWNER TO stategraph', r.nspname);
              END LOOP;
              FOR r IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                         AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                         AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = 'stategraph')
                         AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                  AND d.objid = c.oid AND d.deptype IN ('a', 'i'))) LOOP
                EXECUTE format('ALTER %s %I.%I OWNER TO stategraph',
                               CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                              WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.nspname, r.relname);
              END LOOP;
              FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                         AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = 'stategraph') LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO stategraph', r.fn);
              END LOOP;
            END $$""";

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Our own random passwords hold only base64url characters; quoted anyway. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
