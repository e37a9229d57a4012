package com.stategraph.billing.db;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Files under the data dir belong to the server's user alone: group and others lose every permission. */
final class OwnerOnly {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OwnerOnly.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    static void createDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir) && POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            restrict(dir);
            return;
        }
        Files.createDirectories(dir);
        restrict(dir);
    }

    /** Takes group and other permissions off {@code root} and everything under it (symlinks are not followed). */
    static void restrictTree(Path root) throws IOException {
        if (!POSIX) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                restrict(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() || attrs.isDirectory()) {
                    restrict(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A file PostgreSQL removed while we walked (a temp file) needs no permissions.
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void restrict(Path path) throws IOException {
        if (!POSIX) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
        if (perms.removeAll(OTHERS)) {
            try {
                Files.setPosixFilePermissions(path, perms);
            } catch (FileSystemException e) {
                // Only a file's owner may change its mode: this one was given to the server by someone else (a container's
                // data volume, owned by root and made writable through the pod's fsGroup). Its mode is theirs to set; what
                // the server creates in it is still its own alone.
                log.warn("{} belongs to another user; its permissions stay {}", path, PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(path)));
            }
        }
    }
}
