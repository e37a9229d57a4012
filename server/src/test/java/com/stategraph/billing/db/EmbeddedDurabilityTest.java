package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedded default a server process starts (as `stategraph server` does, no database
 * configured) is crash safe, and its data dir, binaries included, is the owner's alone.
 */
class EmbeddedDurabilityTest {

    @Test
    void theEmbeddedDatabaseRunsWithDurableSettingsAndAnOwnerOnlyDataDir() throws Exception {
        ProcessHandle postmaster;
        try (ServerProcess server = ServerProcess.start(Map.of(), "sgk_durability-test-key-0123456789")) {
            Path dataDir = server.dataDir();
            List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
            postmaster = ProcessHandle.of(Long.parseLong(pid.get(0).trim())).orElseThrow();
            int port = Integer.parseInt(pid.get(3).trim());
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                    Files.readString(dataDir.resolve("postgres-password")).strip());
                 Statement st = c.createStatement()) {
                for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                    try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
                        rs.next();
                        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                    }
                }
            }

            Path runtime = dataDir.resolve("pg-runtime");
            assertThat(runtime).isDirectory();
            List<Path> open = new ArrayList<>();
            long checked;
            try (Stream<Path> all = Files.walk(dataDir)) {
                List<Path> paths = all.filter(p -> !Files.isSymbolicLink(p)).toList();
                checked = paths.stream().filter(p -> p.startsWith(runtime)).count();
                for (Path p : paths) {
                    if (!Files.exists(p)) {
                        continue; // a temp file PostgreSQL removed meanwhile
                    }
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    if (perms.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"))) {
                        open.add(p);
                    }
                }
            }
            assertThat(checked).as("the PostgreSQL binaries were unpacked under pg-runtime").isGreaterThan(10);
            assertThat(open).as("files others can read, write or run").isEmpty();
        }
        // whoever runs it, root included (pg_ctl refuses root): a server that stops stops its PostgreSQL
        postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(postmaster.isAlive()).isFalse();
    }

    @Test
    void aServerKilledWithItsPostgresStillRunningComesBackAndASecondServerIsRefused() throws Exception {
        Path dataDir = Files.createTempDirectory("stategraph-orphan-");
        String key = "sgk_orphan-test-key-0123456789abcdef";
        long orphan;
        java.util.concurrent.CompletableFuture<Throwable> longStatement;
        try (ServerProcess first = ServerProcess.start("512m", dataDir, Map.of(), key)) {
            List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
            orphan = Long.parseLong(pid.get(0).trim());
            // A session in the middle of a long statement, as a sync's load is: a smart shutdown would wait for it.
            Connection busy = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres",
                    "postgres", Files.readString(dataDir.resolve("postgres-password")).strip());
            longStatement = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (busy; Statement st = busy.createStatement()) {
                    st.execute("SELECT pg_sleep(600)");
                    return null;
                } catch (java.sql.SQLException e) {
                    return e;
                }
            });
            first.kill9();
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("PostgreSQL outlives kill -9 of its server")
                .contains(true);

        try (ServerProcess second = ServerProcess.start("512m", dataDir, Map.of(), key)) {
            assertThat(second.log()).contains("was left running by a server that did not shut down");
            Throwable ended = longStatement.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(ended).as("the orphan's long statement was cut short by a fast shutdown").isInstanceOf(java.sql.SQLException.class);
            assertThat(((java.sql.SQLException) ended).getSQLState()).as(ended.getMessage()).isEqualTo("57P01");
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("the orphan was stopped").isFalse();
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
            assertThat(postmaster).isNotEqualTo(orphan);

            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> ServerProcess.start("512m", dataDir, Map.of(), key).close());
            assertThat(refused).hasMessageContaining("another stategraph server is using the embedded PostgreSQL");
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the running one is untouched").contains(true);

            // A crash of the whole machine: server and PostgreSQL both killed.
            second.kill9();
            ProcessHandle.of(postmaster).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        }
        try (ServerProcess third = ServerProcess.start("512m", dataDir, Map.of(), key)) {
            assertThat(third.log()).as("says that recovery is running").contains("recovers from its write-ahead log");
            assertThat(new com.stategraph.billing.support.HttpApi(third.port()).get(key, "/api/v1/whoami").status()).isEqualTo(200);
        }
    }
}
