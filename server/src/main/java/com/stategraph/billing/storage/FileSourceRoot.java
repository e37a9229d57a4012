package com.stategraph.billing.storage;

import com.stategraph.billing.domain.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where {@code file://} sources may read, when the operator allows them at all: under
 * {@code STATEGRAPH_FILE_SOURCE_ROOT}, and there under {@code <root>/<tenant id>/} (unless
 * {@code STATEGRAPH_FILE_SOURCE_PER_TENANT=false}, for an install with one tenant). Without it a
 * tenant admin could make the server read another tenant's exports, or any file it can read.
 */
@Component
public class FileSourceRoot {
    private final Path root;
    private final boolean perTenant;

    public FileSourceRoot(@Value("${stategraph.allow-file-sources:false}") boolean allowed,
                          @Value("${stategraph.file-source-root:}") String root,
                          @Value("${stategraph.file-source-per-tenant:true}") boolean perTenant) {
        this.perTenant = perTenant;
        if (!allowed) {
            this.root = null;
            return;
        }
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("STATEGRAPH_ALLOW_FILE_SOURCES=true needs STATEGRAPH_FILE_SOURCE_ROOT: the directory"
                    + " under which file:// sources may read (each tenant's under <root>/<tenant id>/)");
        }
        try {
            // Made when missing (the demo's, under a new data dir), owner-only as the server's own directories are.
            Path wanted = Path.of(root.strip()).toAbsolutePath().normalize();
            if (!Files.exists(wanted)) {
                Files.createDirectories(wanted, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            }
            this.root = wanted.toRealPath();
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("STATEGRAPH_FILE_SOURCE_ROOT " + root.strip() + " is not a directory the server can read", e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalStateException("STATEGRAPH_FILE_SOURCE_ROOT " + this.root + " is not a directory");
        }
    }

    /** The directory one tenant's file sources may read. */
    public Path directoryFor(UUID tenantId) {
        if (root == null) {
            throw new StorageException("file:// sources are disabled on this server"
                    + " (the operator can allow them with STATEGRAPH_ALLOW_FILE_SOURCES=true)");
        }
        return perTenant ? root.resolve(tenantId.toString()) : root;
    }

    /** @throws InvalidInputException when the location's fixed part does not lie in the tenant's directory */
    public void check(UUID tenantId, Location location) {
        Path dir = directoryFor(tenantId);
        String fixed = location.fixedPrefix();
        if (!Path.of(fixed.isEmpty() ? "/" : fixed).normalize().startsWith(dir)) {
            throw new InvalidInputException("FILE_SOURCE_OUTSIDE_ROOT", "source_uri: this tenant's file:// sources must lie under "
                    + dir + "/ (the operator's STATEGRAPH_FILE_SOURCE_ROOT" + (perTenant ? ", then the tenant's id)" : ")"));
        }
    }
}
