package com.stategraph.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stategraph.billing.storage.ObjectStores;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The operator's price book read over HTTP (a real server on loopback) and from a file, whatever tenants may name. */
class PriceBookSourceTest {
    private static final ObjectStores NO_FILES_FOR_TENANTS = new ObjectStores("", false, "", "", false, "", "",
            new com.stategraph.billing.storage.FileSourceRoot(false, "", true));

    @Test
    void overHttpAndFromAFileEvenWhereTenantsMayNotNameFiles() throws Exception {
        byte[] body = "productHash,sku\n".getBytes(StandardCharsets.UTF_8);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/dumps/products.csv", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        http.start();
        try {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            PriceBookSource source = new PriceBookSource(NO_FILES_FOR_TENANTS);
            try (InputStream in = source.open(base + "/dumps/products.csv")) {
                assertThat(in.readAllBytes()).isEqualTo(body);
            }
            assertThatThrownBy(() -> source.open(base + "/missing")).isInstanceOf(IOException.class).hasMessageContaining("404");

            Path file = Files.createTempFile("products", ".csv");
            Files.write(file, body);
            try (InputStream in = source.open("file://" + file)) {
                assertThat(in.readAllBytes()).isEqualTo(body);
            }
        } finally {
            http.stop(0);
        }
    }
}
