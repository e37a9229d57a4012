package com.stategraph.billing.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * {@code file://} locations: keys are absolute paths. Only reachable when the operator allows file
 * sources, and only inside one directory (FileSourceRoot): a file that is, or a link that leads,
 * outside it is refused, whatever path named it.
 */
public class LocalFileStore implements ObjectStore {
    private final Path allowed;

    public LocalFileStore(Path allowed) {
        this.allowed = allowed;
    }

    /** The file's real path (links followed), when it lies in the allowed directory. */
    private Path confined(String key) throws IOException {
        Path real = Path.of(key).toRealPath();
        if (!real.startsWith(allowed.toRealPath())) {
            throw new StorageException("file://" + key + " leads outside the directory this tenant's file sources may read ("
                    + allowed + "): refused");
        }
        return real;
    }

    @Override
    public Stream<StoredObject> list(Location location, String prefix) {
        Path start = walkRoot(prefix);
        if (!Files.isDirectory(start) || !Files.isDirectory(allowed)) {
            return Stream.empty();
        }
        try {
            confined(start.toString());
        } catch (IOException e) {
            throw new StorageException("cannot list file://" + start + ": " + e.getMessage(), e);
        }
        try {
            return Files.walk(start)
                    .filter(Files::isRegularFile)
                    .map(Path::toString)
                    .filter(key -> key.startsWith(prefix))
                    .sorted()
                    .map(this::describe);
        } catch (IOException e) {
            throw new StorageException("cannot list file://" + start + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(Location location, String key) {
        try {
            return Files.newInputStream(confined(key));
        } catch (NoSuchFileException e) {
            throw new StorageException("file://" + key + " does not exist", e);
        } catch (IOException e) {
            throw new StorageException("cannot read file://" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream openRange(Location location, String key, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(confined(key), StandardOpenOption.READ);
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

    private StoredObject describe(String key) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(confined(key), BasicFileAttributes.class);
            Instant modified = attributes.lastModifiedTime().toInstant();
            // The inode too: a file replaced by a rename (as rsync and most writers do) may keep size and time.
            Object inode = attributes.fileKey();
            return new StoredObject(key, attributes.size(), modified,
                    attributes.size() + " bytes, " + modified + (inode == null ? "" : ", " + inode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
