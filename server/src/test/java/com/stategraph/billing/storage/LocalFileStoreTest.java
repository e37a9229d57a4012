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

    private LocalFileStore store;

    @org.junit.jupiter.api.BeforeEach
    void confinedToTheTestDirectory() {
        store = new LocalFileStore(dir);
    }

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

    @Test
    void aFileOrLinkOutsideTheAllowedDirectoryIsRefusedWhateverPathNamesIt() throws Exception {
        write("tenant-a/focus.csv", "a's bill");
        write("tenant-b/own.csv", "b's bill");
        Files.createSymbolicLink(dir.resolve("tenant-b/passwd.csv"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(dir.resolve("tenant-b/a.csv"), dir.resolve("tenant-a/focus.csv"));
        Files.createSymbolicLink(dir.resolve("tenant-b/a-dir"), dir.resolve("tenant-a"));
        LocalFileStore b = new LocalFileStore(dir.resolve("tenant-b"));

        assertThat(b.open(null, dir + "/tenant-b/own.csv").readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("b's bill");
        for (String key : java.util.List.of(dir + "/tenant-b/passwd.csv", dir + "/tenant-b/a.csv", dir + "/tenant-b/a-dir/focus.csv",
                dir + "/tenant-b/../tenant-a/focus.csv", "/etc/passwd")) {
            assertThatThrownBy(() -> b.open(null, key).close()).as(key).isInstanceOf(StorageException.class)
                    .hasMessageContaining("leads outside").hasMessageNotContaining("root:");
            assertThatThrownBy(() -> b.openRange(null, key, 0, 4).close()).as(key).isInstanceOf(StorageException.class);
        }
        Location all = Location.parse("file://" + dir + "/tenant-b/*.csv");
        assertThatThrownBy(() -> b.list(all, all.fixedPrefix()).toList()).as("a listing that meets a link out fails, naming it")
                .isInstanceOf(StorageException.class).hasMessageContaining("leads outside");
        Location other = Location.parse("file://" + dir + "/tenant-a/");
        assertThatThrownBy(() -> b.list(other, other.fixedPrefix()).toList()).isInstanceOf(StorageException.class);
    }

    @Test
    void eachTenantsSourcesMustLieInItsOwnFolderUnderTheRoot() throws Exception {
        java.util.UUID a = java.util.UUID.randomUUID();
        java.util.UUID b = java.util.UUID.randomUUID();
        FileSourceRoot perTenant = new FileSourceRoot(true, dir.toString(), true);
        Path real = dir.toRealPath();
        perTenant.check(a, Location.parse("file://" + real + "/" + a + "/aws/**/*.parquet"));
        for (String uri : java.util.List.of("file://" + real + "/" + b + "/x.csv", "file:///etc/", "file://" + real + "/" + a
                + "/../" + b + "/x.csv", "file://" + real + "/*/x.csv")) {
            assertThatThrownBy(() -> perTenant.check(a, Location.parse(uri))).as(uri)
                    .isInstanceOf(com.stategraph.billing.domain.InvalidInputException.class).hasMessageContaining(real + "/" + a);
        }
        FileSourceRoot shared = new FileSourceRoot(true, dir.toString(), false);
        shared.check(a, Location.parse("file://" + real + "/" + b + "/x.csv"));
        assertThatThrownBy(() -> shared.check(a, Location.parse("file:///etc/passwd"))).hasMessageContaining(real.toString());
        assertThatThrownBy(() -> new FileSourceRoot(true, "", true)).hasMessageContaining("STATEGRAPH_FILE_SOURCE_ROOT");
        assertThat(new FileSourceRoot(false, "", true)).as("no root needed while file sources are off").isNotNull();
    }
}
