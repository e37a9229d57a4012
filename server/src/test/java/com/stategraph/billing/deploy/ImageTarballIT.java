package com.stategraph.billing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image Maven built (Jib, no Docker daemon) as the tarball `docker load` takes: its
 * manifest names the image and its layers, and its config runs the server as a non-root user with
 * the server's main class as entrypoint, port 8080 exposed, and the data dir as a volume; the
 * application's classes and the data dir (writable by that user) are in its layers.
 */
class ImageTarballIT {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void theImageRunsTheServerAsANonRootUserOnPort8080() throws Exception {
        Path tarball = Path.of(System.getProperty("stategraph.image.tar"));
        assertThat(tarball).as("built by the verify phase").exists();
        Map<String, byte[]> small = new HashMap<>();
        List<String> layerNames = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().endsWith(".json")) {
                    small.put(e.getName(), tar.readAllBytes());
                } else {
                    layerNames.add(e.getName());
                }
            }
        }
        JsonNode manifest = JSON.readTree(small.get("manifest.json"));
        assertThat(manifest.isArray()).isTrue();
        assertThat(manifest.get(0).path("RepoTags").get(0).asString()).isEqualTo(System.getProperty("stategraph.image.name"));
        List<String> layers = new ArrayList<>();
        manifest.get(0).path("Layers").forEach(l -> layers.add(l.asString()));
        assertThat(layers).hasSizeGreaterThanOrEqualTo(2).allSatisfy(l -> assertThat(layerNames).contains(l));

        JsonNode image = JSON.readTree(small.get(manifest.get(0).path("Config").asString()));
        JsonNode config = image.path("config");
        assertThat(config.path("User").asString()).isEqualTo("10001:10001");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("Volumes").has("/var/lib/stategraph")).isTrue();
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(a -> entrypoint.add(a.asString()));
        assertThat(entrypoint).isNotEmpty();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75").endsWith("com.stategraph.billing.StategraphServer");
        List<String> env = new ArrayList<>();
        config.path("Env").forEach(v -> env.add(v.asString()));
        assertThat(env).contains("STATEGRAPH_DATA_DIR=/var/lib/stategraph").anySatisfy(v -> assertThat(v).startsWith("JAVA_HOME="));
        assertThat(image.path("rootfs").path("diff_ids").size()).isEqualTo(layers.size());

        // The application's layers: its classes and the data dir, writable by the server's (non-root) user.
        Map<String, TarArchiveEntry> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.getName().endsWith(".json")) {
                    collect(tar, files);
                }
            }
        }
        assertThat(files).containsKey("app/classes/com/stategraph/billing/StategraphServer.class");
        assertThat(files.keySet()).anySatisfy(f -> assertThat(f).matches("app/libs/spring-boot-4.*\\.jar"));
        TarArchiveEntry dataDir = files.get("var/lib/stategraph/");
        assertThat(dataDir).as("the data dir").isNotNull();
        assertThat(dataDir.getMode() & 0777).isEqualTo(0777);
    }

    /** The entries of one layer (a tar inside the tarball, gzip-compressed or not), read as a stream. */
    private static void collect(InputStream layer, Map<String, TarArchiveEntry> files) throws IOException {
        InputStream in = new java.io.BufferedInputStream(layer, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        // Not closed: closing would close the outer tarball's stream; the next outer entry skips what is left.
        TarArchiveInputStream inner = new TarArchiveInputStream(gzip ? new java.util.zip.GZIPInputStream(in, 1 << 16) : in);
        for (TarArchiveEntry e = inner.getNextEntry(); e != null; e = inner.getNextEntry()) {
            files.put(e.getName().startsWith("./") ? e.getName().substring(2) : e.getName().replaceFirst("^/", ""), e);
        }
    }
}
