package com.stategraph.billing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.stategraph.billing.support.Azurite;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Azure store against Azurite's Blob service on loopback, addressed by abfss:// URIs. */
class AzureBlobStoreTest {
    private static final Azurite AZURITE = Azurite.get();

    private String container;
    private BlobContainerClient admin;

    @BeforeEach
    void setUp() {
        container = "exports-" + UUID.randomUUID().toString().substring(0, 8);
        admin = AZURITE.admin().createBlobContainer(container);
    }

    private AzureBlobStore store(String key, int pageSize) {
        return new AzureBlobStore(account -> new BlobServiceClientBuilder()
                .endpoint(AzureBlobStore.accountEndpoint(AZURITE.endpoint(), account))
                .credential(new StorageSharedKeyCredential(account, key)), pageSize);
    }

    private Location location(String path) {
        return Location.parse("abfss://" + container + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/" + path);
    }

    private void put(String name, String body) {
        admin.getBlobClient(name).upload(BinaryData.fromString(body));
    }

    @Test
    void listsEveryPageUnderTheFixedPrefixAndTheGlobPicks() {
        for (int i = 0; i < 7; i++) {
            put("focus/cost/20261001-20261031/run" + i + "/part_0_0001.csv", "x".repeat(i + 1));
        }
        put("focus/cost/20261001-20261031/run0/manifest.json", "{}");
        put("elsewhere/part_0_0001.csv", "y");
        Location loc = location("focus/cost/**/*.csv");

        List<StoredObject> listed = store(Azurite.KEY, 2).list(loc, loc.fixedPrefix()).toList();

        assertThat(loc.fixedPrefix()).isEqualTo("focus/cost/");
        assertThat(listed).hasSize(8);
        assertThat(listed.stream().filter(o -> loc.matcher().test(o.key()))).hasSize(7);
        assertThat(listed.stream().filter(o -> o.key().endsWith(".csv")).mapToLong(StoredObject::size).sum()).isEqualTo(28);
    }

    @Test
    void readsWholeObjectsAndRanges() throws Exception {
        put("data/a.csv", "0123456789");
        AzureBlobStore store = store(Azurite.KEY, 1000);
        try (InputStream in = store.open(location("data/"), "data/a.csv")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
        }
        try (InputStream in = store.openRange(location("data/"), "data/a.csv", 3, 4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("3456");
        }
    }

    @Test
    void aMissingContainerOrBlobIsAClearError() {
        AzureBlobStore store = store(Azurite.KEY, 1000);
        Location missing = Location.parse("abfss://no-such-container@" + Azurite.ACCOUNT + ".dfs.core.windows.net/x/");
        assertThatThrownBy(() -> store.list(missing, "x/").toList())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("abfss://no-such-container@devstoreaccount1.dfs.core.windows.net/x/")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> store.open(location("x/"), "x/none.csv").read())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aWrongKeyIsAccessDenied() {
        put("data/a.csv", "1");
        String wrongKey = java.util.Base64.getEncoder().encodeToString("not the account key at all, 64 bytes long padding!!".getBytes());
        assertThatThrownBy(() -> store(wrongKey, 1000).list(location("data/"), "data/").toList())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("access denied");
    }
}
