package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL is no open door: a local psql without the password is refused (over TCP
 * and over the Unix socket), the superuser's password is the data dir owner's alone, and the server's
 * own role owns its schema but cannot run programs or read the server's files. A data dir an older
 * version made (trust, tables owned by the superuser) is brought under the same rules.
 */
class EmbeddedDatabaseAccessTest {

    private static String url(DatabaseServer db) {
        return db.target().jdbcUrl();
    }

    private static int port(DatabaseServer db) {
        return Integer.parseInt(url(db).replaceAll(".*:(\\d+)/.*", "$1"));
    }

    private static Connection as(DatabaseServer db, String user, String password) throws SQLException {
        return DriverManager.getConnection(url(db), user, password);
    }

    /** psql as an operator would type it, with no password in the environment. */
    private static Process psql(String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        pb.environment().remove("PGPASSWORD");
        pb.environment().put("PGCONNECT_TIMEOUT", "5");
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    @Test
    void nobodyConnectsWithoutThePasswordAndTheServersRoleIsNoSuperuser() throws Exception {
        Path dataDir = Files.createTempDirectory("stategraph-access-");
        try (DatabaseServer db = DatabaseServer.embedded(dataDir, Duration.ofMinutes(2))) {
            Path passwordFile = dataDir.resolve("postgres-password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            String superPassword = Files.readString(passwordFile).strip();
            assertThat(superPassword).hasSizeGreaterThanOrEqualTo(24);

            Process tcp = psql("psql", "-h", "127.0.0.1", "-p", String.valueOf(port(db)), "-U", "postgres", "-w", "-d", "postgres",
                    "-c", "COPY (SELECT 1) TO PROGRAM 'id'");
            String said = new String(tcp.getInputStream().readAllBytes());
            assertThat(tcp.waitFor()).as(said).isNotZero();
            assertThat(said).contains("password");
            Path socketDir = socketDirectory(db, superPassword);
            Process socket = psql("psql", "-h", socketDir.toString(), "-p", String.valueOf(port(db)), "-U", "postgres", "-w",
                    "-d", "postgres", "-c", "SELECT 1");
            String saidOnSocket = new String(socket.getInputStream().readAllBytes());
            assertThat(socket.waitFor()).as(saidOnSocket).isNotZero();
            assertThat(saidOnSocket).contains("password");
            assertThatThrownBy(() -> as(db, "postgres", "").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> as(db, db.target().user(), "wrong").close()).isInstanceOf(SQLException.class);

            try (Connection c = as(db, "postgres", superPassword); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SHOW listen_addresses")) {
                rs.next();
                assertThat(rs.getString(1)).as("loopback only").isEqualTo("127.0.0.1");
            }

            // The server's role runs every migration, then cannot reach outside the database.
            Flyway.configure().dataSource(url(db), db.target().user(), db.target().password())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = as(db, db.target().user(), db.target().password()); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).isFalse();
                }
                for (String refused : List.of("COPY (SELECT 1) TO PROGRAM 'id'", "SELECT pg_read_file('/etc/passwd')",
                        "COPY tenants FROM '/etc/passwd'", "CREATE ROLE intruder SUPERUSER", "ALTER SYSTEM SET fsync = off")) {
                    assertThatThrownBy(() -> st.execute(refused)).as(refused).isInstanceOf(SQLException.class)
                            .hasMessageContaining("ermission denied");
                }
                st.execute("INSERT INTO tenants (id, name) VALUES (gen_random_uuid(), 'owned')");
            }
        }
    }

    @Test
    void aDataDirAnOlderVersionLeftWithTrustIsSecuredAndKeepsItsData() throws Exception {
        Path dataDir = Files.createTempDirectory("stategraph-upgrade-");
        Files.createDirectories(dataDir.resolve("pg-runtime"));
        // As versions before this one started it: trust for everyone, everything owned by the superuser.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolve("pg-runtime").toFile()).setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            Flyway.configure().dataSource(old.getPostgresDatabase()).locations("classpath:db/migration").target("27").load().migrate();
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO tenants (id, name) VALUES ('7d3c1a52-3a51-4a41-9a3f-0c8f9f0e0e01', 'kept')");
            }
        }
        try (DatabaseServer db = DatabaseServer.embedded(dataDir, Duration.ofMinutes(2))) {
            assertThatThrownBy(() -> as(db, "postgres", "").close()).as("trust is gone").isInstanceOf(SQLException.class);
            Flyway.configure().dataSource(url(db), db.target().user(), db.target().password())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = as(db, db.target().user(), db.target().password()); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT name FROM tenants")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("kept");
                }
                try (ResultSet rs = st.executeQuery("""
                        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname IN ('public', 'pricing') AND c.relkind IN ('r', 'p', 'v', 'S')
                          AND pg_get_userbyid(c.relowner) <> current_user""")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("relations still owned by the superuser").isZero();
                }
                st.execute("DELETE FROM tenants");
            }
        }
    }

    private static Path socketDirectory(DatabaseServer db, String superPassword) throws SQLException {
        try (Connection c = as(db, "postgres", superPassword); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW unix_socket_directories")) {
            rs.next();
            return Path.of(rs.getString(1).split(",")[0].strip());
        }
    }
}
