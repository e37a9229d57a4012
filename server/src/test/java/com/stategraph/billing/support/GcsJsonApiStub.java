package com.stategraph.billing.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small HTTP stub of the GCS JSON API on loopback (no GCS emulator installs offline): object
 * listing with pages, object metadata, and media downloads with byte ranges. The bucket
 * {@code forbidden-bucket} answers 403. It counts list requests and downloads so tests can see the paging and what a sync read.
 */
public final class GcsJsonApiStub implements AutoCloseable {
    private static final Pattern OBJECT = Pattern.compile("(?:/download)?/storage/v1/b/([^/]+)/o/(.+)");
    private static final Pattern LIST = Pattern.compile("/storage/v1/b/([^/]+)/o/?");

    private final HttpServer server;
    private final Map<String, ConcurrentSkipListMap<String, byte[]>> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger listRequests = new AtomicInteger();
    /** Each put makes a new generation of the object, as GCS does on every write. */
    private final AtomicLong generations = new AtomicLong();
    private final Map<String, Long> generation = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private final int pageSize;

    public GcsJsonApiStub(int pageSize) throws IOException {
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void put(String bucket, String name, byte[] content) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>()).put(name, content);
        generation.put(bucket + "/" + name, generations.incrementAndGet());
    }

    public void delete(String bucket, String name) {
        buckets.getOrDefault(bucket, new ConcurrentSkipListMap<>()).remove(name);
    }

    /** Media requests (whole or ranged reads of an object's bytes) made for objects of the bucket so far. */
    public int downloads(String bucket) {
        return downloads.entrySet().stream().filter(e -> e.getKey().startsWith(bucket + "/"))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** Media requests made for one object so far. */
    public int downloads(String bucket, String name) {
        AtomicInteger n = downloads.get(bucket + "/" + name);
        return n == null ? 0 : n.get();
    }

    public void createBucket(String bucket) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>());
    }

    public int listRequests() {
        return listRequests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            if (!ex.getRequestMethod().equals("GET")) {
                send(ex, 501, error(501, "only GET is stubbed"));
                return;
            }
            Matcher object = OBJECT.matcher(path);
            Matcher list = LIST.matcher(path);
            if (object.matches()) {
                String bucket = decode(object.group(1));
                String name = decode(object.group(2));
                if (denied(ex, bucket)) {
                    return;
                }
                byte[] content = buckets.getOrDefault(bucket, new ConcurrentSkipListMap<>()).get(name);
                if (content == null) {
                    send(ex, 404, error(404, "No such object: " + bucket + "/" + name));
                } else if ("media".equals(query.get("alt"))) {
                    downloads.computeIfAbsent(bucket + "/" + name, k -> new AtomicInteger()).incrementAndGet();
                    media(ex, content);
                } else {
                    send(ex, 200, metadata(bucket, name, content).toString().getBytes(StandardCharsets.UTF_8));
                }
            } else if (list.matches()) {
                listRequests.incrementAndGet();
                String bucket = decode(list.group(1));
                if (denied(ex, bucket)) {
                    return;
                }
                var objects = buckets.get(bucket);
                if (objects == null) {
                    send(ex, 404, error(404, "The specified bucket does not exist."));
                    return;
                }
                String prefix = query.getOrDefault("prefix", "");
                String after = query.get("pageToken");
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("kind", "storage#objects");
                ArrayNode items = body.putArray("items");
                List<String> names = new ArrayList<>();
                for (String name : (after == null ? objects : objects.tailMap(after, false)).keySet()) {
                    if (name.startsWith(prefix)) {
                        names.add(name);
                    }
                    if (names.size() > pageSize) {
                        break;
                    }
                }
                for (String name : names.subList(0, Math.min(pageSize, names.size()))) {
                    items.add(metadata(bucket, name, objects.get(name)));
                }
                if (names.size() > pageSize) {
                    body.put("nextPageToken", names.get(pageSize - 1));
                }
                send(ex, 200, body.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                send(ex, 501, error(501, "not stubbed: " + path));
            }
        }
    }

    private boolean denied(HttpExchange ex, String bucket) throws IOException {
        if (bucket.equals("forbidden-bucket")) {
            send(ex, 403, error(403, "caller does not have storage.objects.list access"));
            return true;
        }
        return false;
    }

    private static void media(HttpExchange ex, byte[] content) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        int to = content.length - 1;
        if (range != null && range.startsWith("bytes=")) {
            String[] parts = range.substring(6).split("-", -1);
            from = Integer.parseInt(parts[0]);
            if (!parts[1].isEmpty()) {
                to = Math.min(to, Integer.parseInt(parts[1]));
            }
        }
        if (from >= content.length) {
            send(ex, 416, error(416, "range not satisfiable"));
            return;
        }
        byte[] slice = java.util.Arrays.copyOfRange(content, from, to + 1);
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        if (range != null) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + content.length);
        }
        ex.sendResponseHeaders(range == null ? 200 : 206, slice.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(slice);
        }
    }

    private ObjectNode metadata(String bucket, String name, byte[] content) {
        long g = generation.getOrDefault(bucket + "/" + name, 1L);
        return JsonNodeFactory.instance.objectNode()
                .put("kind", "storage#object")
                .put("id", bucket + "/" + name + "/" + g)
                .put("name", name)
                .put("bucket", bucket)
                .put("generation", String.valueOf(g))
                .put("metageneration", "1")
                .put("size", String.valueOf(content.length))
                .put("updated", Instant.parse("2026-11-01T00:00:00Z").toString())
                .put("timeCreated", Instant.parse("2026-11-01T00:00:00Z").toString());
    }

    private static byte[] error(int code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", code).put("message", message);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
