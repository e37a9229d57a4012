package com.stategraph.billing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.stategraph.billing.support.GcsJsonApiStub;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GCS store twice: against google-cloud-storage's in-process {@code LocalStorageHelper}, and
 * over real HTTP against a stub of the JSON API on loopback, reached through the operator's
 * endpoint override as the server reaches it.
 */
class GcsObjectStoreTest {
    private GcsJsonApiStub stub;

    @BeforeEach
    void startStub() throws Exception {
        stub = new GcsJsonApiStub(3);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void localStorageHelperListsUnderThePrefixAndReadsRanges() throws Exception {
        Storage storage = LocalStorageHelper.getOptions().getService();
        for (int i = 0; i < 5; i++) {
            storage.create(BlobInfo.newBuilder(BlobId.of("billing", "focus/export-00000000000" + i + ".parquet")).build(),
                    ("part-" + i).getBytes(StandardCharsets.UTF_8));
        }
        storage.create(BlobInfo.newBuilder(BlobId.of("billing", "other/x.parquet")).build(), new byte[] {1});
        GcsObjectStore store = new GcsObjectStore(storage);
        Location loc = Location.parse("gs://billing/focus/export-*.parquet");

        List<StoredObject> listed = store.list(loc, loc.fixedPrefix()).toList();

        assertThat(listed).extracting(StoredObject::key).hasSize(5).allMatch(k -> k.startsWith("focus/"));
        assertThat(listed.stream().mapToLong(StoredObject::size).sum()).isEqualTo(30);
        try (InputStream in = store.openRange(loc, "focus/export-000000000003.parquet", 2, 3)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("rt-");
        }
        assertThatThrownBy(() -> store.open(loc, "focus/none.parquet"))
                .isInstanceOf(StorageException.class).hasMessageContaining("gs://billing/focus/none.parquet does not exist");
    }

    @Test
    void overHttpThroughTheEndpointOverrideWithPages() throws Exception {
        for (int i = 0; i < 8; i++) {
            stub.put("billing", "exports/focus-00000000000" + i + ".csv", ("row" + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        stub.put("billing", "unrelated/a.csv", new byte[] {1});
        try (GcsObjectStore store = GcsObjectStore.withDefaultCredentials(stub.endpoint())) {
            Location loc = Location.parse("gs://billing/exports/*.csv");
            List<StoredObject> listed = store.list(loc, loc.fixedPrefix()).toList();
            assertThat(listed).hasSize(8);
            assertThat(stub.listRequests()).as("8 objects over pages of 3").isEqualTo(3);
            try (InputStream in = store.open(loc, "exports/focus-000000000005.csv")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("row5\n");
            }
            try (InputStream in = store.openRange(loc, "exports/focus-000000000006.csv", 1, 2)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ow");
            }
        }
    }

    @Test
    void missingBucketAndDeniedAccessAreClearErrors() throws Exception {
        try (GcsObjectStore store = GcsObjectStore.withDefaultCredentials(stub.endpoint())) {
            assertThatThrownBy(() -> store.list(Location.parse("gs://no-such-bucket/x/"), "x/").toList())
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("gs://no-such-bucket/x/").hasMessageContaining("does not exist");
            assertThatThrownBy(() -> store.list(Location.parse("gs://forbidden-bucket/x/"), "x/").toList())
                    .isInstanceOf(StorageException.class).hasMessageContaining("access denied");
        }
    }
}
