package com.stategraph.billing.support;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Azurite's Blob service (from npm, installed by the build) on a free loopback port, one per JVM,
 * stopped when the JVM exits.
 */
public final class Azurite {
    public static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's fixed, publicly documented development key; not a secret. */
    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static Azurite instance;

    private final int port;

    private Azurite(int port) {
        this.port = port;
    }

    public static synchronized Azurite get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** The operator endpoint the server is given: the emulator names the account in the path. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public BlobServiceClient admin() {
        return new BlobServiceClientBuilder()
                .endpoint(endpoint() + "/" + ACCOUNT)
                .credential(new StorageSharedKeyCredential(ACCOUNT, KEY))
                .buildClient();
    }

    private static Azurite start() {
        Path repo = Path.of(System.getProperty("stategraph.repo", "..")).toAbsolutePath();
        Path bin = repo.resolve("node_modules/.bin/azurite-blob");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException(bin + " is missing: run `npm install` in " + repo
                    + " (the Maven build does it before the tests)");
        }
        try {
            int port = freePort();
            Path data = Files.createTempDirectory("azurite-");
            Process process = new ProcessBuilder(bin.toString(), "--disableTelemetry", "--silent", "--skipApiVersionCheck",
                    "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port), "--location", data.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(new File(data.toFile(), "azurite.log"))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Azurite exited: " + Files.readString(data.resolve("azurite.log")));
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new Azurite(port);
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            process.destroy();
            throw new IllegalStateException("Azurite did not listen on port " + port + " within 30 s");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Azurite", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
