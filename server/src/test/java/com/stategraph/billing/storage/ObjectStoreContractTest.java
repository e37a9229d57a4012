package com.stategraph.billing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.stategraph.billing.support.Azurite;
import com.stategraph.billing.support.GcsJsonApiStub;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What every store promises, checked the same way against each: the local file system, S3
 * (s3proxy), Google Cloud Storage (a JSON API server) and Azure Blob Storage (Azurite), all real
 * protocol servers on loopback. A new store joins the list and must pass it as it is.
 */
class ObjectStoreContractTest {
    private static final byte[] BODY = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);

    /** One store with a fresh bucket (or directory, or container) to write into. */
    interface Fixture extends AutoCloseable {
        ObjectStore store();

        /** The location of the bucket's root, as a source URI would name it. */
        Location root();

        /** The store's key for a name under that root. */
        String key(String name);

        void put(String name, byte[] body) throws Exception;

        @Override
        void close() throws Exception;
    }

    static Stream<Fixture> stores() throws Exception {
        return Stream.of(local(), s3(), gcs(), azure());
    }

    private static Fixture local() throws Exception {
        Path dir = Files.createTempDirectory("contract-");
        LocalFileStore store = new LocalFileStore(dir);
        return fixture("file", store, Location.parse("file://" + dir + "/"), name -> dir + "/" + name, (name, body) -> {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.write(dir.resolve(name), body);
        }, () -> { });
    }

    private static Fixture s3() throws Exception {
        S3ProxyExtension proxy = S3ProxyExtension.builder().withBlobStoreProvider("filesystem")
                .withCredentials("contract-access", "contract-secret").build();
        proxy.beforeEach(null);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("contract-access", "contract-secret"));
        S3Client admin = S3Client.builder().endpointOverride(proxy.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials).build();
        admin.createBucket(b -> b.bucket("contract"));
        S3ObjectStore store = new S3ObjectStore(new S3Settings(proxy.getUri(), true, 2), "us-east-1", credentials);
        return fixture("s3", store, Location.parse("s3://contract/"), name -> name,
                (name, body) -> admin.putObject(b -> b.bucket("contract").key(name), RequestBody.fromBytes(body)), () -> {
                    store.close();
                    admin.close();
                    proxy.afterEach(null);
                });
    }

    private static Fixture gcs() throws Exception {
        GcsJsonApiStub stub = new GcsJsonApiStub(2);
        stub.createBucket("contract");
        GcsObjectStore store = GcsObjectStore.withDefaultCredentials(stub.endpoint());
        return fixture("gs", store, Location.parse("gs://contract/"), name -> name,
                (name, body) -> stub.put("contract", name, body), () -> {
                    store.close();
                    stub.close();
                });
    }

    private static Fixture azure() {
        Azurite azurite = Azurite.get();
        String container = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        BlobContainerClient admin = azurite.admin().createBlobContainer(container);
        AzureBlobStore store = new AzureBlobStore(account -> new BlobServiceClientBuilder()
                .endpoint(AzureBlobStore.accountEndpoint(azurite.endpoint(), account))
                .credential(new StorageSharedKeyCredential(account, Azurite.KEY)), 2);
        return fixture("abfss", store, Location.parse("abfss://" + container + "@" + Azurite.ACCOUNT
                + ".dfs.core.windows.net/"), name -> name, (name, body) -> admin.getBlobClient(name)
                .upload(BinaryData.fromBytes(body)), () -> {
                    store.close();
                    admin.delete();
                });
    }

    interface Put {
        void put(String name, byte[] body) throws Exception;
    }

    interface Close {
        void close() throws Exception;
    }

    private static Fixture fixture(String scheme, ObjectStore store, Location root, java.util.function.UnaryOperator<String> key,
                                   Put put, Close close) {
        return new Fixture() {
            @Override
            public ObjectStore store() {
                return store;
            }

            @Override
            public Location root() {
                return root;
            }

            @Override
            public String key(String name) {
                return key.apply(name);
            }

            @Override
            public void put(String name, byte[] body) throws Exception {
                put.put(name, body);
            }

            @Override
            public void close() throws Exception {
                close.close();
            }

            @Override
            public String toString() {
                return scheme;
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void listsEveryObjectUnderAPrefixAcrossPagesAndNothingUnderAnEmptyOne(Fixture f) throws Exception {
        List<String> names = List.of("exports/a/1.csv", "exports/a/2.csv", "exports/b/3.csv", "exports/b/4.csv",
                "exports/c.csv");
        for (String name : names) {
            f.put(name, BODY);
        }
        f.put("other/5.csv", BODY);

        List<StoredObject> listed = f.store().list(f.root(), f.key("exports/")).toList();

        assertThat(listed).extracting(StoredObject::key)
                .containsExactlyInAnyOrderElementsOf(names.stream().map(f::key).toList());
        assertThat(listed).allMatch(o -> o.size() == BODY.length);
        assertThat(f.store().list(f.root(), f.key("nothing-here/")).toList()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void readsWholeInRangesAtPositionsAndFromTheEnd(Fixture f) throws Exception {
        f.put("data/file.bin", BODY);
        String key = f.key("data/file.bin");
        try (InputStream in = f.store().open(f.root(), key)) {
            assertThat(in.readAllBytes()).isEqualTo(BODY);
        }
        try (InputStream in = f.store().openRange(f.root(), key, 3, 5)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(BODY, 3, 8));
        }
        try (InputStream in = f.store().openRange(f.root(), key, BODY.length - 2, 10)) {
            assertThat(in.readAllBytes()).as("a range past the end gives what there is")
                    .isEqualTo(Arrays.copyOfRange(BODY, BODY.length - 2, BODY.length));
        }
        StoredFile file = new StoredFile(f.store(), f.root(), key, BODY.length, f + "://data/file.bin");
        byte[] buffer = new byte[6];
        file.readFully(7, buffer, 1, 4);
        assertThat(Arrays.copyOfRange(buffer, 1, 5)).isEqualTo(Arrays.copyOfRange(BODY, 7, 11));
        assertThat(file.readTail(4)).isEqualTo(Arrays.copyOfRange(BODY, BODY.length - 4, BODY.length));
        assertThat(file.readTail(1000)).as("a tail longer than the object is the object").isEqualTo(BODY);
        assertThatThrownBy(() -> file.readFully(BODY.length - 3, new byte[8], 0, 8)).isInstanceOf(EOFException.class)
                .hasMessageContaining("data/file.bin");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aMissingObjectIsAStorageError(Fixture f) throws Exception {
        f.put("data/present.bin", BODY);
        assertThatThrownBy(() -> {
            try (InputStream in = f.store().open(f.root(), f.key("data/absent.bin"))) {
                in.readAllBytes();
            }
        }).isInstanceOf(StorageException.class);
    }
}
