package com.stategraph.billing.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Talks to the running server over real HTTP, as any client would. */
public final class HttpApi {
    public static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    public HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public record Response(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {
        public String text(String field) {
            return body.path(field).asString();
        }

        /** The answer's first header of that name, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String key, String path) {
        return send(key, "GET", path, null);
    }

    public Response post(String key, String path, Object body) {
        return send(key, "POST", path, body);
    }

    public Response put(String key, String path, Object body) {
        return send(key, "PUT", path, body);
    }

    public Response delete(String key, String path) {
        return send(key, "DELETE", path, null);
    }

    /** As {@link #send}, the body streamed without a Content-Length (chunked), as a large upload may be. */
    public Response sendStreamed(String key, String method, String path, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return exchange(request, method, path);
    }

    /** A body of bytes as they are, with its content type (a CSV, a gzip file). */
    public Response postBytes(String key, String path, byte[] body, String contentType) {
        return bytes(key, "POST", path, body, contentType);
    }

    /** The same, as a PUT (a YAML usage file). */
    public Response putBytes(String key, String path, byte[] body, String contentType) {
        return bytes(key, "PUT", path, body, contentType);
    }

    private Response bytes(String key, String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return exchange(request, method, path);
    }

    public Response send(String key, String method, String path, Object body) {
        String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return exchange(request, method, path);
    }

    private Response exchange(HttpRequest.Builder request, String method, String path) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode node = json && !response.body().isBlank() ? JSON.readTree(response.body()) : MissingNode.getInstance();
            return new Response(response.statusCode(), node, response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
