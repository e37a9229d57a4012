package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A real server process (-Xmx512m) on the benchmark's PostgreSQL, and a small client of its API. */
final class BenchServer implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "sgk_bench-admin-key-0123456789abcdef0123";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Process process;
    private final String base;

    private BenchServer(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /**
     * The benchmark's PostgreSQL with the server's own durable settings (zonky's test defaults
     * turn synchronous_commit off), and room for bulk loads.
     */
    static EmbeddedPostgres.Builder durablePostgres() throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("max_wal_size", "4GB")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    /** @param extraEnv e.g. AWS credentials for an S3 test server */
    static BenchServer start(Path work, EmbeddedPostgres pg, Map<String, String> extraEnv, String... springArgs) throws Exception {
        return start(work, "server", pg, extraEnv, springArgs);
    }

    /** @param name the server's log is {@code work/NAME.log} */
    static BenchServer start(Path work, String name, EmbeddedPostgres pg, Map<String, String> extraEnv, String... springArgs)
            throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(pg.getPort()),
                "DB_USER", "postgres", "DB_NAME", "postgres"));
        env.putAll(extraEnv);
        return start(work, name, Files.createTempDirectory(work.toAbsolutePath(), "server-"), env, springArgs);
    }

    /**
     * A server on its own embedded PostgreSQL in {@code dataDir}, as an operator runs it by default.
     * Waits up to {@code healthWait} for it to be healthy.
     */
    static BenchServer startEmbedded(Path work, String name, Path dataDir, java.time.Duration healthWait, String... springArgs)
            throws Exception {
        return start(work, name, dataDir, Map.of(), healthWait, springArgs);
    }

    private static BenchServer start(Path work, String name, Path dataDir, Map<String, String> env, String... springArgs)
            throws Exception {
        return start(work, name, dataDir, env, java.time.Duration.ofSeconds(120), springArgs);
    }

    private static BenchServer start(Path work, String name, Path dataDir, Map<String, String> env, java.time.Duration healthWait,
                                     String... springArgs) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the heap the benchmarks are written for, and the G1 regions bin/stategraph and the image start the server with
                "-Xmx512m", "-XX:G1HeapRegionSize=4m", "-Daws.disableEc2Metadata=true", "-cp", System.getProperty("java.class.path"),
                "com.stategraph.billing.StategraphServer", "--port", String.valueOf(port), "--data-dir", dataDir.toString(),
                "--stategraph.bootstrap-api-key=" + KEY, "--stategraph.allow-file-sources=true",
                // the bench's exports sit in its work directory, outside any tenant's folder: this operator allows reading there
                "--stategraph.file-source-root=" + work.toAbsolutePath(), "--stategraph.file-source-per-tenant=false",
                "--stategraph.sync.poll-interval=200ms",
                // The daily schedule (03:00 UTC by default) would sync every source of the run in the middle of a measurement.
                "--stategraph.sync.schedule=0 0 1 1 *"));
        command.addAll(java.util.List.of(springArgs));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        pb.environment().put("NO_GCE_CHECK", "true");
        pb.environment().putAll(env);
        BenchServer server = new BenchServer(pb.start(), "http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(healthWait);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (server.http.send(server.request("/actuator/health").build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        server.close();
        throw new IllegalStateException("the server did not start; see " + work.resolve(name + ".log"));
    }

    HttpClient http() {
        return http;
    }

    long pid() {
        return process.pid();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + KEY);
    }

    /** A busy server (429, 503) is asked again after its Retry-After, as a well-behaved client does. */
    String text(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        for (int attempt = 0; attempt < 20 && (response.statusCode() == 429 || response.statusCode() == 503)
                && response.headers().firstValue("Retry-After").isPresent(); attempt++) {
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").get()));
            response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(text(path));
    }

    JsonNode post(String path, Object body) throws Exception {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** PUT of a JSON document as it is (a Terraform state, say). */
    JsonNode put(String path, String json) throws Exception {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Pushes a Terraform state named {@code name} of the bench export's first {@code count} instances
     * (their ids are the ResourceIds' last part). @return the state's id
     */
    String pushInstances(String tenant, String name, int count) throws Exception {
        java.util.List<Object> resources = new java.util.ArrayList<>();
        for (int r = 0; r < count; r++) {
            resources.add(Map.of("mode", "managed", "type", "aws_instance", "name", "i" + r,
                    "provider", "provider[\"registry.terraform.io/hashicorp/aws\"]",
                    "instances", java.util.List.of(Map.of("schema_version", 1, "sensitive_attributes", java.util.List.of(),
                            "attributes", Map.of("id", BenchRows.instanceId(r), "instance_type", "m5.large")))));
        }
        String state = JSON.writeValueAsString(Map.of("version", 4, "terraform_version", "1.9.0", "serial", 1,
                "lineage", name + "-" + tenant, "outputs", Map.of(), "resources", resources));
        return put("/api/v1/tenants/" + tenant + "/states/" + name, state).path("id").asString();
    }

    String newTenant(String prefix) throws Exception {
        return post("/api/v1/tenants", Map.of("name", prefix + "-" + UUID.randomUUID())).path("id").asString();
    }

    String newSource(String tenant, String uri) throws Exception {
        return newSource(tenant, "aws", uri, 2);
    }

    String newSource(String tenant, String provider, String uri, int windowMonths) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("provider", provider, "source_uri", uri, "window_months", windowMonths));
        if (provider.equals("aws")) {
            body.put("region", "us-east-1");
        }
        return post("/api/v1/tenants/" + tenant + "/billing-sources", body).path("id").asString();
    }

    /** Requests a sync and returns the finished run (polled every 100 ms), calling {@code onPoll} at each poll. */
    JsonNode syncAndWait(String tenant, String source, Runnable onPoll) throws Exception {
        return syncAndWait(tenant, source, Map.of(), onPoll);
    }

    /** As above, with the request's body ({@code {"force": true}}, say). */
    JsonNode syncAndWait(String tenant, String source, Map<String, ?> body, Runnable onPoll) throws Exception {
        String run = post("/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync", body).path("id").asString();
        while (true) {
            onPoll.run();
            for (JsonNode r : get("/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/runs?limit=5").path("results")) {
                String status = r.path("status").asString();
                if (r.path("id").asString().equals(run) && (status.equals("ok") || status.equals("error"))) {
                    return r;
                }
            }
            Thread.sleep(100);
        }
    }

    /** Kills the server as kill -9 does, and waits until it is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
