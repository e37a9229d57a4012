package com.stategraph.billing.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.NullNode;

/** A thin client of the public API: JSON in, JSON out, every refusal turned into a sentence. */
public class ApiClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final String base;
    private final String key;

    public ApiClient(ObjectMapper json, String base, String key) {
        this.json = json;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.key = key;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends a large body as a stream, without holding it in memory; uploads may take minutes. */
    public JsonNode putStream(String path, java.util.function.Supplier<java.io.InputStream> body) {
        return exchange("PUT", path, HttpRequest.BodyPublishers.ofInputStream(body), UPLOAD_TIMEOUT, "application/json");
    }

    /** A small body of its own type (a YAML usage file). */
    public JsonNode putBytes(String path, byte[] body, String contentType) {
        return exchange("PUT", path, HttpRequest.BodyPublishers.ofByteArray(body), TIMEOUT, contentType);
    }

    /** As {@link #putStream}, a POST of a body that is not JSON (a CSV, gzipped or not). */
    public JsonNode postStream(String path, java.util.function.Supplier<java.io.InputStream> body, String contentType) {
        return exchange("POST", path, HttpRequest.BodyPublishers.ofInputStream(body), UPLOAD_TIMEOUT, contentType);
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        return exchange(method, path, publisher, TIMEOUT, "application/json");
    }

    private JsonNode exchange(String method, String path, HttpRequest.BodyPublisher publisher, Duration timeout,
                              String contentType) {
        if (key == null || key.isBlank()) {
            throw new ServerRefusal("Unauthorized: STATEGRAPH_API_KEY is not set");
        }
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new Main.BadSetting("STATEGRAPH_API_BASE '" + base + "' is not a valid URL, e.g. http://localhost:8080");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new Main.BadSetting("STATEGRAPH_API_BASE '" + base + "' has no http:// or https:// scheme and host: use "
                    + (base.contains("://") ? "http://localhost:8080" : "http://" + base));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .method(method, publisher)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            if (unresolved(e)) {
                throw new ServerRefusal("cannot reach the server at " + base + ": the host " + uri.getHost()
                        + " does not resolve; check STATEGRAPH_API_BASE");
            }
            throw new ServerRefusal("cannot reach the server at " + base + " (connection refused); set STATEGRAPH_API_BASE");
        } catch (HttpTimeoutException e) {
            throw new ServerRefusal("the server at " + base + " did not answer in time");
        } catch (IOException e) {
            throw new ServerRefusal("cannot talk to the server at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerRefusal("interrupted");
        }
        return parse(response);
    }

    /** The JDK's client wraps a name that does not resolve in two ConnectExceptions. */
    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parse(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode node = NullNode.getInstance();
        if (!response.body().isBlank()) {
            try {
                node = json.readTree(response.body());
            } catch (JacksonException e) {
                if (status < 400) {
                    throw new ServerRefusal("the server answered something that is not JSON (HTTP " + status + ")");
                }
            }
        }
        if (status >= 400) {
            throw new ServerRefusal(ErrorMessages.describe(status, node));
        }
        return node;
    }
}
