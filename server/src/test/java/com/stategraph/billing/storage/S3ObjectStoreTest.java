package com.stategraph.billing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against s3proxy (a real S3 protocol server on loopback, filesystem backend). */
class S3ObjectStoreTest {
    private static final String BUCKET = "billing-exports";

    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder()
            .withBlobStoreProvider("filesystem")
            .withCredentials("test-access", "test-secret")
            .build();

    private S3Client admin;
    private S3ObjectStore store;

    @BeforeEach
    void setUp() {
        admin = S3Client.builder().endpointOverride(S3.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials("test-secret")).build();
        admin.createBucket(b -> b.bucket(BUCKET));
        store = store("test-secret", 3);
    }

    @AfterEach
    void tearDown() {
        store.close();
        admin.close();
    }

    private S3ObjectStore store(String secret, int pageSize) {
        return new S3ObjectStore(new S3Settings(S3.getUri(), true, pageSize), "us-east-1", credentials(secret));
    }

    private static StaticCredentialsProvider credentials(String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access", secret));
    }

    private void put(String key, String body) {
        admin.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
    }

    @Test
    void listsEveryPageUnderThePrefixOnly() {
        for (int i = 0; i < 10; i++) {
            put("focus/data/BILLING_PERIOD=2026-10/part-" + i + ".parquet", "x".repeat(i + 1));
        }
        put("focus/metadata/BILLING_PERIOD=2026-10/export-Manifest.json", "{}");
        put("other/part-0.parquet", "x");

        List<StoredObject> listed = store.list(Location.parse("s3://" + BUCKET + "/focus/data/**/*.parquet"), "focus/data/").toList();
        assertThat(listed).as("10 objects over pages of 3").hasSize(10);
        assertThat(listed).extracting(StoredObject::key).allMatch(k -> k.startsWith("focus/data/BILLING_PERIOD=2026-10/part-"));
        assertThat(listed.stream().mapToLong(StoredObject::size).sum()).isEqualTo(55);
        assertThat(listed).allSatisfy(o -> assertThat(o.lastModified()).isNotNull());
    }

    @Test
    void theGlobPicksFromWhatTheFixedPrefixLists() {
        put("exports/acme/data/BILLING_PERIOD=2026-09/a.parquet", "a");
        put("exports/acme/data/BILLING_PERIOD=2026-10/b.parquet", "b");
        put("exports/acme/data/BILLING_PERIOD=2026-10/b.csv", "c");
        put("exports/acme/metadata/BILLING_PERIOD=2026-10/acme-Manifest.json", "{}");
        Location location = Location.parse("s3://" + BUCKET + "/exports/acme/data/**/*.parquet");
        assertThat(location.fixedPrefix()).isEqualTo("exports/acme/data/");
        List<String> keys = store.list(location, location.fixedPrefix()).map(StoredObject::key)
                .filter(location.glob()::matches).toList();
        assertThat(keys).containsExactly("exports/acme/data/BILLING_PERIOD=2026-09/a.parquet",
                "exports/acme/data/BILLING_PERIOD=2026-10/b.parquet");
    }

    @Test
    void aPrefixWithNothingUnderItListsNothing() {
        put("focus/a.parquet", "a");
        assertThat(store.list(Location.parse("s3://" + BUCKET + "/nothing/*.parquet"), "nothing/")).isEmpty();
    }

    @Test
    void readsWholeObjectsAndRanges() throws Exception {
        String body = "0123456789abcdefghijklmnopqrstuvwxyz";
        put("focus/file.parquet", body);
        Location location = Location.parse("s3://" + BUCKET + "/focus/file.parquet");
        try (InputStream in = store.open(location, "focus/file.parquet")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
        }
        try (InputStream in = store.openRange(location, "focus/file.parquet", 10, 6)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abcdef");
        }
        try (InputStream in = store.openRange(location, "focus/file.parquet", 30, 100)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("uvwxyz");
        }
    }

    @Test
    void aMissingBucketOrKeySaysWhich() {
        assertThatThrownBy(() -> store.list(Location.parse("s3://no-such-bucket/x/*.parquet"), "x/").toList())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("bucket 'no-such-bucket' does not exist");
        assertThatThrownBy(() -> store.open(Location.parse("s3://" + BUCKET + "/gone.parquet"), "gone.parquet"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("s3://" + BUCKET + "/gone.parquet does not exist");
    }

    @Test
    void refusedCredentialsAreAccessDenied() {
        put("focus/a.parquet", "a");
        try (S3ObjectStore denied = store("wrong-secret", 1000)) {
            assertThatThrownBy(() -> denied.list(Location.parse("s3://" + BUCKET + "/focus/*.parquet"), "focus/").toList())
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("access denied to s3://" + BUCKET + "/focus/")
                    .hasMessageContaining("credentials");
            assertThatThrownBy(() -> denied.open(Location.parse("s3://" + BUCKET + "/focus/a.parquet"), "focus/a.parquet"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("access denied");
        }
    }
}
