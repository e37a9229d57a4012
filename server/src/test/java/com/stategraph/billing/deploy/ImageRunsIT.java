package com.stategraph.billing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image runs: its layers unpacked into a root file system, its entrypoint started in a chroot as
 * its user (no container runtime runs here; the chroot stands in for one, with /proc and /dev as a
 * runtime gives them), the embedded PostgreSQL default comes up in the data dir the image declares,
 * and the probes the Kubernetes manifests use answer UP. Needs root, as a container runtime does.
 */
class ImageRunsIT {

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }

    @Test
    void theEntrypointStartsTheServerWithItsEmbeddedDatabaseAsTheImagesUser() throws Exception {
        Path tarball = Path.of(System.getProperty("stategraph.image.tar"));
        Path work = Files.createTempDirectory("stategraph-image-");
        Path image = Files.createDirectories(work.resolve("image"));
        Path root = Files.createDirectories(work.resolve("root"));
        run(List.of("tar", "-xf", tarball.toString(), "-C", image.toString()));
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(image.resolve("manifest.json"))).get(0);
        JsonNode config = JsonMapper.builder().build().readTree(Files.readString(image.resolve(manifest.path("Config").asString())))
                .path("config");
        assertThat(manifest.path("Layers").size()).isGreaterThanOrEqualTo(2);
        for (JsonNode layer : manifest.path("Layers")) {
            String name = layer.asString();
            run(List.of("tar", name.endsWith(".gz") ? "-xzf" : "-xf", image.resolve(name).toString(), "-C", root.toString()));
        }
        List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + config.path("User").asString(), root.toString(),
                "/usr/bin/env", "-i"));
        config.path("Env").forEach(e -> command.add(e.asString()));
        int port = freePort();
        // As a runtime does: the image's working directory (none set: /), then the entrypoint.
        command.addAll(List.of("sh", "-c", "cd / && exec \"$0\" \"$@\""));
        config.path("Entrypoint").forEach(a -> command.add(a.asString()));
        command.addAll(List.of("--port", String.valueOf(port)));
        run(List.of("mount", "-t", "proc", "proc", root.resolve("proc").toString()));
        run(List.of("mount", "--bind", "/dev", root.resolve("dev").toString()));
        Path log = work.resolve("server.log");
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            HttpResponse<String> readiness = null;
            while (Instant.now().isBefore(deadline) && server.isAlive()) {
                try {
                    readiness = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (readiness.statusCode() == 200) {
                        break;
                    }
                } catch (IOException starting) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            assertThat(readiness).as("the server answered; its log:\n" + Files.readString(log)).isNotNull();
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"UP\"");
            assertThat(Files.readString(log)).contains("Started embedded PostgreSQL").contains("/var/lib/stategraph/postgres");
            assertThat(Files.getAttribute(root.resolve("var/lib/stategraph/postgres"), "unix:uid")).as("owned by the image's user")
                    .isEqualTo(Integer.parseInt(config.path("User").asString().split(":")[0]));
        } finally {
            server.destroy();
            server.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
            server.destroyForcibly();
            new ProcessBuilder("umount", root.resolve("proc").toString()).start().waitFor();
            new ProcessBuilder("umount", root.resolve("dev").toString()).start().waitFor();
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
