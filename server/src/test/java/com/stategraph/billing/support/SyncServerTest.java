package com.stategraph.billing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * A server that really syncs: file sources allowed, S3 pointed at an s3proxy on loopback (the
 * server finds its credentials through the AWS default chain, here system properties), syncs
 * polled every half second. One per JVM, shared by the sync tests; each test uses its own tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stategraph.allow-file-sources=true",
        // The sync tests write their exports under the JVM's temporary directory; FileSourceRootTest covers tenants' folders.
        "stategraph.file-source-per-tenant=false",
        "stategraph.s3.path-style=true",
        "stategraph.sync.poll-interval=500ms",
        "stategraph.sync.heartbeat-interval=2s",
        // Rollup sums are flushed every few dozen keys, so every sync test also covers loads that flush many times.
        "stategraph.sync.rollup-flush-keys=40",
        // Periods of a few rows share billing_chunks_small, larger ones get a table of their own: sync tests cover both.
        "stategraph.sync.own-table-rows=10",
        // Likewise a period of a per-resource or per-tag rollup is a set of its own from 30 rows, in the shared partition below.
        "stategraph.sync.own-rollup-rows=30",
        // A tag key of more than 25 values in a period is not summed per value: tests of such keys cover the lines' answers.
        "stategraph.sync.summed-tag-values=25",
        // Small enough for a test to write a larger row group; every other test file stays far below it.
        "stategraph.sync.max-row-group-bytes=4MB",
        // Webhook receivers in the tests listen on loopback; retries come a second apart, three attempts in all.
        "stategraph.notifications.allow-private-webhooks=true",
        "stategraph.notifications.retry-backoff=1s",
        "stategraph.notifications.max-attempts=3",
        "stategraph.notifications.email-from=stategraph@example.com",
        "stategraph.smtp.starttls=false"})
public abstract class SyncServerTest {
    public static final String ADMIN_KEY = "sgk_sync-test-instance-admin-key-0123456789";
    public static final String S3_ACCESS = "sync-access";
    public static final String S3_SECRET = "sync-secret";
    private static final Path DATA_DIR = tempDir("stategraph-sync-");
    public static final S3ProxyExtension S3 = startS3();
    public static final GcsJsonApiStub GCS = startGcs();
    public static final Azurite AZURITE = Azurite.get();
    /** A real OpenID Connect provider on loopback (issuer "idp") that the console signs in through. */
    public static final no.nav.security.mock.oauth2.MockOAuth2Server OIDC = startOidc();
    /** The role mapping the server is given: the identity provider's groups to roles in tenant "sso-acme". */
    public static final String OIDC_TENANT = "sso-acme";
    /** A real SMTP server on loopback that email channels send through. */
    public static final com.icegreen.greenmail.util.GreenMail MAIL = startMail();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected HttpApi api;

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        registry.add("stategraph.data-dir", DATA_DIR::toString);
        registry.add("stategraph.file-source-root", () -> System.getProperty("java.io.tmpdir"));
        registry.add("stategraph.bootstrap-api-key", () -> ADMIN_KEY);
        // Several servers share the test JVM: each takes a free management port.
        registry.add("stategraph.management.port", () -> "0");
        registry.add("stategraph.s3.endpoint", () -> S3.getUri().toString());
        registry.add("stategraph.gcs.endpoint", () -> GCS.endpoint().toString());
        registry.add("stategraph.azure.blob-endpoint", () -> AZURITE.endpoint().toString());
        registry.add("stategraph.azure.account-key", () -> Azurite.KEY);
        registry.add("stategraph.pricing.source", SyncServerTest::operatorsPriceBook);
        registry.add("stategraph.oidc.issuer-uri", () -> OIDC.issuerUrl("idp").toString());
        registry.add("stategraph.oidc.client-id", () -> "stategraph-console");
        registry.add("stategraph.oidc.client-secret", () -> "console-secret");
        registry.add("stategraph.oidc.role-mapping", () -> "finops=" + OIDC_TENANT + ":member, finops-admins=" + OIDC_TENANT + ":admin");
        registry.add("stategraph.smtp.host", () -> "127.0.0.1");
        registry.add("stategraph.smtp.port", () -> MAIL.getSmtp().getPort());
    }

    private static no.nav.security.mock.oauth2.MockOAuth2Server startOidc() {
        no.nav.security.mock.oauth2.MockOAuth2Server server = new no.nav.security.mock.oauth2.MockOAuth2Server();
        server.start();
        return server;
    }

    private static com.icegreen.greenmail.util.GreenMail startMail() {
        com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
                com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    /** The price book this server loads at start (STATEGRAPH_PRICING_SOURCE), put in the S3 store first: the estimates' fixture. */
    public static final PriceBooks OPERATORS_PRICE_BOOK = EstimateFixture.BOOK;

    private static String operatorsPriceBook() {
        try (S3Client s3 = s3Admin()) {
            s3.createBucket(b -> b.bucket("operator-pricing"));
            s3.putObject(b -> b.bucket("operator-pricing").key("dumps/products.csv.gz"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(OPERATORS_PRICE_BOOK.gzip()));
        }
        return "s3://operator-pricing/dumps/products.csv.gz";
    }

    private static GcsJsonApiStub startGcs() {
        try {
            return new GcsJsonApiStub(100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static S3ProxyExtension startS3() {
        S3ProxyExtension s3 = S3ProxyExtension.builder()
                .withBlobStoreProvider("filesystem")
                .withCredentials(S3_ACCESS, S3_SECRET)
                .build();
        try {
            s3.beforeEach(null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy", e);
        }
        // The server's S3 client takes these through the AWS default credentials chain.
        System.setProperty("aws.accessKeyId", S3_ACCESS);
        System.setProperty("aws.secretAccessKey", S3_SECRET);
        System.setProperty("aws.region", "us-east-1");
        return s3;
    }

    public static S3Client s3Admin() {
        return S3Client.builder().endpointOverride(S3.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3_ACCESS, S3_SECRET)))
                .build();
    }

    /** Waits until the server has loaded the operator's price book, which it starts doing when it starts. */
    protected void awaitOperatorsPriceBook() {
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(60));
        while (api.get(ADMIN_KEY, "/api/v1/pricing").body().path("products").asLong() == 0) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("the operator's price book was not loaded within a minute of the start");
            }
            sleep(200);
        }
    }

    /** The state's estimate (GET /api/v1/states/{id}/costs) once the background calculation wrote it. */
    protected HttpApi.Response awaitEstimate(String stateId) {
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(60));
        HttpApi.Response costs = api.get(ADMIN_KEY, "/api/v1/states/" + stateId + "/costs");
        while (costs.status() == 202) {
            if (!"computing".equals(costs.body().path("status").asString())) {
                throw new AssertionError("202 without {\"status\": \"computing\"}: " + costs.raw());
            }
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("the estimate of state " + stateId + " was not calculated within a minute");
            }
            sleep(200);
            costs = api.get(ADMIN_KEY, "/api/v1/states/" + stateId + "/costs");
        }
        return costs;
    }

    /** GET /tenants/{t}/costs/attribution once computed after every change (and after {@code before}, when given). */
    protected JsonNode awaitAttribution(String tenant, String before) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode answer = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution").body();
            boolean done = answer.path("uncomputed_count").asLong() == 0 && answer.hasNonNull("computed_at")
                    && (before == null || !answer.path("computed_at").asString().equals(before))
                    && jdbc.sql("SELECT requested_at = computed_for FROM attribution_runs WHERE tenant_id = ?::uuid").param(tenant)
                    .query(Boolean.class).optional().orElse(false);
            if (done) {
                return api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution").body();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("tenant " + tenant + " was not attributed within a minute");
            }
            sleep(200);
        }
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    protected String newTenant() {
        var response = api.post(ADMIN_KEY, "/api/v1/tenants", Map.of("name", "t-" + UUID.randomUUID()));
        if (response.status() != 201) {
            throw new IllegalStateException("cannot create a tenant: " + response.raw());
        }
        return response.text("id");
    }

    protected String addSource(String tenantId, String provider, String uri) {
        return addSource(tenantId, Map.of("provider", provider, "source_uri", uri, "window_months", 36));
    }

    protected String addSource(String tenantId, Map<String, ?> body) {
        var response = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenantId + "/billing-sources", body);
        if (response.status() != 201) {
            throw new IllegalStateException("cannot create a source: " + response.raw());
        }
        return response.text("id");
    }

    /** Requests a sync and waits for its run to finish; returns the finished run. */
    protected JsonNode syncAndWait(String tenantId, String sourceId) {
        return syncAndWait(tenantId, sourceId, Map.of());
    }

    protected JsonNode syncAndWait(String tenantId, String sourceId, Map<String, ?> body) {
        var response = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenantId + "/billing-sources/" + sourceId + "/sync", body);
        if (response.status() != 202) {
            throw new IllegalStateException("sync not accepted: " + response.raw());
        }
        return awaitRun(tenantId, sourceId, response.text("id"));
    }

    protected JsonNode awaitRun(String tenantId, String sourceId, String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var runs = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenantId + "/billing-sources/" + sourceId + "/runs");
            for (JsonNode run : runs.body().path("results")) {
                String status = run.path("status").asString();
                if (run.path("id").asString().equals(runId) && (status.equals("ok") || status.equals("error"))) {
                    return run;
                }
            }
            sleep(100);
        }
        throw new AssertionError("sync run " + runId + " did not finish within 60 s");
    }

    protected JsonNode source(String tenantId, String sourceId) {
        return api.get(ADMIN_KEY, "/api/v1/tenants/" + tenantId + "/billing-sources/" + sourceId).body();
    }

    /** The exact sum of a numeric column of a source's current rows. */
    protected BigDecimal sum(String sourceId, String column) {
        BigDecimal s = jdbc.sql("SELECT sum(" + column + ") FROM billing_rows WHERE source_id = ?::uuid")
                .param(sourceId).query(BigDecimal.class).single();
        return s == null ? BigDecimal.ZERO : s;
    }

    protected long rows(String sourceId) {
        return jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid").param(sourceId).query(Long.class).single();
    }

    protected static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
