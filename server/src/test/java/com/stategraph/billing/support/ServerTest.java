package com.stategraph.billing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One real server per JVM: Spring Boot on a random port, embedded PostgreSQL under a temporary
 * data dir, file sources not allowed (the default), queued syncs left waiting. Every test makes its own tenants, so tests do
 * not see each other's data.
 */
// As behind a proxy that terminates TLS: X-Forwarded-For and -Proto from loopback are trusted.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
public abstract class ServerTest {
    public static final String ADMIN_KEY = "sgk_test-instance-admin-key-0123456789abcdef";
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected HttpApi api;

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        registry.add("stategraph.data-dir", DATA_DIR::toString);
        registry.add("stategraph.bootstrap-api-key", () -> ADMIN_KEY);
        // Several servers share the test JVM: each takes a free management port.
        registry.add("stategraph.management.port", () -> "0");
        // The control-plane tests look at queued runs: this server never picks them up (SyncServerTest runs syncs).
        registry.add("stategraph.sync.poll-interval", () -> "1h");
        registry.add("stategraph.sync.start-on-request", () -> "false");
        // Small enough for a test to send a larger state; every other test state stays far below it.
        registry.add("stategraph.states.max-body", () -> "1MB");
        // Sign-in delays short enough to run through; SignInTest derives what it expects from these.
        registry.add("stategraph.sign-in.first-delay", () -> "50ms");
        registry.add("stategraph.sign-in.max-delay", () -> "200ms");
    }

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    /** A fresh tenant with a name no other test uses. */
    protected String newTenant() {
        var response = api.post(ADMIN_KEY, "/api/v1/tenants", Map.of("name", "t-" + UUID.randomUUID()));
        if (response.status() != 201) {
            throw new IllegalStateException("cannot create a tenant: " + response.raw());
        }
        return response.text("id");
    }

    /** A tenant API key with the role; returns the secret. */
    protected String newKey(String tenantId, String role) {
        var response = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenantId + "/api-keys",
                Map.of("name", role + "-key", "role", role));
        if (response.status() != 201) {
            throw new IllegalStateException("cannot create a key: " + response.raw());
        }
        return response.text("key");
    }

    protected HttpApi.Response createSource(String key, String tenantId, Map<String, ?> body) {
        return api.post(key, "/api/v1/tenants/" + tenantId + "/billing-sources", body);
    }

    protected String createAwsSource(String tenantId, String uri) {
        var response = createSource(ADMIN_KEY, tenantId, Map.of("provider", "aws", "source_uri", uri, "region", "us-east-1"));
        if (response.status() != 201) {
            throw new IllegalStateException("cannot create a source: " + response.raw());
        }
        return response.text("id");
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("stategraph-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
