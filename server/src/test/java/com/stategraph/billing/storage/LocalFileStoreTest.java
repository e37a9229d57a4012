package com.stategraph.billing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStoreTest {
    @TempDir
    Path dir;

    private final LocalFileStore store = new LocalFileStore();

    private void write(String relative, String body) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, body);
    }

    @Test
    void listsFilesUnderThePrefixAtAnyDepth() throws Exception {
        write("exports/aws/data/BILLING_PERIOD=2026-10/part-0.parquet", "abc");
        write("exports/aws/data/BILLING_PERIOD=2026-11/part-0.parquet", "de");
        write("exports/azure/x.csv", "f");
        Location location = Location.parse("file://" + dir + "/exports/aws/data/**/*.parquet");
        var listed = store.list(location, location.fixedPrefix()).toList();
        assertThat(listed).extracting(StoredObject::key).containsExactly(
                dir + "/exports/aws/data/BILLING_PERIOD=2026-10/part-0.parquet",
                dir + "/exports/aws/data/BILLING_PERIOD=2026-11/part-0.parquet");
        assertThat(listed).extracting(StoredObject::size).containsExactly(3L, 2L);
        assertThat(listed).allMatch(o -> location.glob().matches(o.key()));
    }

    @Test
    void aMissingDirectoryListsNothing() {
        assertThat(store.list(Location.parse("file://" + dir + "/none/*.csv"), dir + "/none/")).isEmpty();
    }

    @Test
    void readsRangesAndSaysWhenAFileIsMissing() throws Exception {
        write("f.csv", "0123456789");
        String key = dir + "/f.csv";
        try (InputStream in = store.openRange(Location.parse("file://" + key), key, 3, 4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("3456");
        }
        assertThatThrownBy(() -> store.open(Location.parse("file://" + dir + "/gone.csv"), dir + "/gone.csv"))
                .isInstanceOf(StorageException.class).hasMessageContaining("does not exist");
    }
}
