package com.stategraph.billing.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets the server must read back (a webhook's signing key) with AES-256-GCM under
 * the server key: {@code STATEGRAPH_SECRET_KEY} (32 bytes, base64), or one generated once into the
 * data directory. Replicas sharing a database need the same key, so they must be given it.
 */
@Component
public class SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final String KEY_FILE = "secret.key";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(@Value("${stategraph.secret-key:}") String configured, @Value("${stategraph.data-dir}") String dataDir) {
        this.key = new SecretKeySpec(configured.isBlank() ? generatedOnce(Path.of(dataDir).resolve(KEY_FILE)) : decode(configured,
                "STATEGRAPH_SECRET_KEY"), "AES");
    }

    public byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt with the server key", e);
        }
    }

    /** @throws IllegalStateException when the secret was sealed under another key */
    public String open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored secret cannot be decrypted with this server's key"
                    + " (STATEGRAPH_SECRET_KEY differs from the key that stored it)");
        }
    }

    /** A new random secret, URL-safe base64 of 32 bytes. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decode(String text, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64 (generate one with: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes in base64, not " + bytes.length
                    + " (generate one with: openssl rand -base64 32)");
        }
        return bytes;
    }

    private byte[] generatedOnce(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                try {
                    // Created readable by the server's user alone before the key is written into it.
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.WRITE);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another server on this data directory wrote it first: use theirs
                }
            }
            return decode(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the server key " + file, e);
        }
    }
}
