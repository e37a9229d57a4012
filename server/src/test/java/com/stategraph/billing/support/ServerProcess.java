package com.stategraph.billing.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server in a process of its own (this JVM's classpath), for what only a real process shows:
 * {@code kill -9} in the middle of a sync, and several replicas on one PostgreSQL.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;
    /** Whether the data dir was made for this server alone, and goes when it stops. */
    private final boolean ownDataDir;

    private ServerProcess(Process process, int port, Path log, Path dataDir, boolean ownDataDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
        this.ownDataDir = ownDataDir;
    }

    /**
     * Starts a server on {@code database} (DB_HOST/DB_PORT/DB_USER/DB_NAME; empty: the embedded
     * default under a new data dir, as `stategraph server` starts it) and waits until it is healthy.
     */
    public static ServerProcess start(Map<String, String> database, String adminKey, String... springArgs) throws Exception {
        return start("512m", Files.createTempDirectory("stategraph-proc-"), true, database, adminKey, springArgs);
    }

    /** As above, with the JVM's maximum heap ({@code -Xmx}) and the data dir given. */
    public static ServerProcess start(String heap, Path dataDir, Map<String, String> database, String adminKey,
                                      String... springArgs) throws Exception {
        return start(heap, dataDir, false, database, adminKey, springArgs);
    }

    private static ServerProcess start(String heap, Path dataDir, boolean ownDataDir, Map<String, String> database,
                                       String adminKey, String... springArgs) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("stategraph-proc-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Daws.disableEc2Metadata=true",
                "-cp", System.getProperty("java.class.path"),
                "com.stategraph.billing.StategraphServer",
                "--port", String.valueOf(port), "--data-dir", dataDir.toString(),
                "--stategraph.bootstrap-api-key=" + adminKey,
                "--stategraph.allow-file-sources=true",
                // Several servers run at once in the tests: each its own management port.
                "--stategraph.management.port=0"));
        // File sources read from the test JVM's temporary directory, where every test writes its exports; a test that
        // gives its own root (or per-tenant rule) replaces these.
        for (String[] fallback : new String[][] {{"--stategraph.file-source-root=", System.getProperty("java.io.tmpdir")},
                {"--stategraph.file-source-per-tenant=", "false"}}) {
            if (java.util.Arrays.stream(springArgs).noneMatch(a -> a.startsWith(fallback[0]))) {
                command.add(fallback[0] + fallback[1]);
            }
        }
        command.addAll(List.of(springArgs));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(database);
        pb.environment().put("NO_GCE_CHECK", "true");
        ServerProcess server = new ServerProcess(pb.start(), port, log, dataDir, ownDataDir);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process exited: " + log());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server was not healthy within " + timeout + ": " + log());
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, connections cut. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
        if (ownDataDir) {
            // Its embedded PostgreSQL stopped with the process: data and binaries are hundreds of MB.
            try {
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
            } catch (IOException leftBehind) {
                // under target/: the next clean takes it
            }
        }
    }

}
