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
        try (ServerProcess server = ServerProcess.start(Map.of(), "sgk_durability-test-key-0123456789")) {
            Path dataDir = server.dataDir();
            List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
            int port = Integer.parseInt(pid.get(3).trim());
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
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
    }
}
