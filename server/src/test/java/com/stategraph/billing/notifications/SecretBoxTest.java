package com.stategraph.billing.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets sealed under the server key read back only under that key; the key is given or generated once. */
class SecretBoxTest {

    @Test
    void aGeneratedKeyIsWrittenOnceReadableByTheServerAloneAndKeptAcrossStarts(@TempDir Path dataDir) throws Exception {
        SecretBox first = new SecretBox("", dataDir.toString());
        Path keyFile = dataDir.resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        byte[] sealed = first.seal("signing-secret");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("signing-secret");
        assertThat(new SecretBox("", dataDir.toString()).open(sealed)).as("after a restart").isEqualTo("signing-secret");
        assertThat(first.seal("signing-secret")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void aConfiguredKeyIsUsedAndAnotherKeyCannotOpen(@TempDir Path dataDir) {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox box = new SecretBox(key, dataDir.toString());
        assertThat(Files.exists(dataDir.resolve("secret.key"))).isFalse();
        byte[] sealed = box.seal("s3cret");
        assertThat(box.open(sealed)).isEqualTo("s3cret");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(other), dataDir.toString()).open(sealed))
                .hasMessageContaining("STATEGRAPH_SECRET_KEY differs").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16]), dataDir.toString()))
                .hasMessageContaining("32 bytes").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new SecretBox("not base64!", dataDir.toString())).hasMessageContaining("not base64");
    }
}
