package com.stategraph.billing.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** {@code file://} locations: keys are absolute paths. Only reachable when the operator allows file sources. */
public class LocalFileStore implements ObjectStore {

    @Override
    public Stream<StoredObject> list(Location location, String prefix) {
        Path start = walkRoot(prefix);
        if (!Files.isDirectory(start)) {
            return Stream.empty();
        }
        try {
            return Files.walk(start)
                    .filter(Files::isRegularFile)
                    .map(Path::toString)
                    .filter(key -> key.startsWith(prefix))
                    .sorted()
                    .map(LocalFileStore::describe);
        } catch (IOException e) {
            throw new StorageException("cannot list file://" + start + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(Location location, String key) {
        try {
            return Files.newInputStream(Path.of(key));
        } catch (NoSuchFileException e) {
            throw new StorageException("file://" + key + " does not exist", e);
        } catch (IOException e) {
            throw new StorageException("cannot read file://" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream openRange(Location location, String key, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(Path.of(key), StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (NoSuchFileException e) {
            throw new StorageException("file://" + key + " does not exist", e);
        } catch (IOException e) {
            throw new StorageException("cannot read file://" + key + ": " + e.getMessage(), e);
        }
    }

    /** The deepest directory that the prefix names in full. */
    private static Path walkRoot(String prefix) {
        int slash = prefix.lastIndexOf('/');
        return Path.of(slash <= 0 ? "/" : prefix.substring(0, slash + 1));
    }

    private static StoredObject describe(String key) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(Path.of(key), BasicFileAttributes.class);
            return new StoredObject(key, attributes.size(), attributes.lastModifiedTime().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
