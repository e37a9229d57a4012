package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stategraph.billing.StategraphServer;
import com.stategraph.billing.support.HttpApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole server starts and restarts on a data dir of its own, as `stategraph server --data-dir` does. */
class StandaloneServerTest {

    @TempDir
    Path dataDir;

    @Test
    void dataOnTheEmbeddedDatabaseSurvivesARestartAndTheBootstrapKeyIsMadeOnce() throws Exception {
        String key;
        String tenant;
        String source;
        try (ConfigurableApplicationContext first = StategraphServer.start(0, dataDir)) {
            Path keyFile = dataDir.resolve("bootstrap-api-key");
            assertThat(keyFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            key = Files.readString(keyFile).trim();
            assertThat(key).startsWith("sgk_");

            HttpApi api = api(first);
            var whoami = api.get(key, "/api/v1/whoami");
            assertThat(whoami.status()).isEqualTo(200);
            assertThat(whoami.body().path("is_admin").asBoolean()).isTrue();
            tenant = api.post(key, "/api/v1/tenants", Map.of("name", "survivor")).text("id");
            source = api.post(key, "/api/v1/tenants/" + tenant + "/billing-sources",
                    Map.of("provider", "gcp", "source_uri", "gs://keep/**/*.parquet", "window_months", 7)).text("id");
            assertThat(source).isNotBlank();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("embedded PostgreSQL stopped").doesNotExist();

        try (ConfigurableApplicationContext second = StategraphServer.start(0, dataDir)) {
            assertThat(Files.readString(dataDir.resolve("bootstrap-api-key")).trim()).isEqualTo(key);
            HttpApi api = api(second);
            var sources = api.get(key, "/api/v1/tenants/" + tenant + "/billing-sources");
            assertThat(sources.status()).isEqualTo(200);
            assertThat(sources.body().path("results")).hasSize(1);
            assertThat(sources.body().path("results").get(0).path("id").asString()).isEqualTo(source);
            assertThat(sources.body().path("results").get(0).path("window_months").asInt()).isEqualTo(7);
            assertThat(api.get(key, "/api/v1/user/tenants").body().path("results")).hasSize(1);
        }
    }

    @Test
    void fileSourcesNeedARootAndEachTenantReadsOnlyItsOwnFolder() throws Exception {
        String key = "sgk_file-test-key-0123456789abcdefgh";
        assertThatThrownBy(() -> StategraphServer.start(0, dataDir, "--stategraph.allow-file-sources=true",
                "--stategraph.bootstrap-api-key=" + key).close())
                .as("no root, no start").hasStackTraceContaining("STATEGRAPH_FILE_SOURCE_ROOT");
        Path root = Files.createDirectories(dataDir.resolve("exports"));
        try (ConfigurableApplicationContext server = StategraphServer.start(0, dataDir, "--stategraph.allow-file-sources=true",
                "--stategraph.file-source-root=" + root, "--stategraph.bootstrap-api-key=" + key)) {
            HttpApi api = api(server);
            String tenant = api.post(key, "/api/v1/tenants", Map.of("name", "files")).text("id");
            String other = api.post(key, "/api/v1/tenants", Map.of("name", "other files")).text("id");
            Path own = root.toRealPath().resolve(tenant);
            for (String provider : new String[] {"aws", "gcp", "azure"}) {
                var created = api.post(key, "/api/v1/tenants/" + tenant + "/billing-sources",
                        Map.of("provider", provider, "source_uri", "file://" + own + "/" + provider + "/**/*.parquet"));
                assertThat(created.status()).as(created.raw()).isEqualTo(201);
            }
            for (String outside : List.of("file:///etc/", "file:///srv/exports/aws/**/*.parquet", "file://" + root.toRealPath().resolve(other) + "/../"
                    + tenant + "/x.csv", "file://" + root.toRealPath() + "/" + tenant.substring(0, 8) + "*/x.csv")) {
                var refused = api.post(key, "/api/v1/tenants/" + other + "/billing-sources", Map.of("provider", "aws",
                        "source_uri", outside));
                assertThat(refused.status()).as(outside + " " + refused.raw()).isEqualTo(400);
                assertThat(refused.text("id")).isEqualTo("FILE_SOURCE_OUTSIDE_ROOT");
                assertThat(refused.text("data")).contains(root.toRealPath().resolve(other).toString());
            }
            var stateSource = api.post(key, "/api/v1/tenants/" + other + "/state-sources", Map.of("source_uri",
                    "file://" + own + "/states/*.tfstate"));
            assertThat(stateSource.status()).as("state sources alike: " + stateSource.raw()).isEqualTo(400);
            var relative = api.post(key, "/api/v1/tenants/" + tenant + "/billing-sources",
                    Map.of("provider", "aws", "source_uri", "file://exports/x.parquet"));
            assertThat(relative.status()).isEqualTo(400);
            assertThat(relative.text("data")).contains("absolute path");
            assertThat(dataDir.resolve("bootstrap-api-key")).as("a configured key is not written to disk").doesNotExist();
        }
    }

    @Test
    void aShortBootstrapKeyIsRefusedAtStart() {
        String shortKey = "sgk_too-short-0123456789";
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> StategraphServer.start(0, dataDir,
                "--stategraph.bootstrap-api-key=" + shortKey).close());
        assertThat(refused).hasRootCauseMessage("STATEGRAPH_BOOTSTRAP_API_KEY must be at least 32 characters (it has "
                + shortKey.length() + "); leave it unset to have one generated");
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
