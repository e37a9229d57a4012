package com.stategraph.billing.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP listener on loopback that takes webhook deliveries: each request is recorded (path,
 * headers, body), and each path answers the statuses it was told, in turn (then 200).
 */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, LinkedBlockingQueue<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

    /** A receiver for a test class's static field. */
    public static WebhookReceiver started() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Deque<Integer> script = answers.get(path);
            Integer status;
            synchronized (this) {
                status = script == null || script.isEmpty() ? 200 : script.size() == 1 ? script.peek() : script.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            queue(path).add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
        });
        server.start();
    }

    /** {@code path} answers these statuses in turn, repeating the last one. */
    public void answer(String path, Integer... statuses) {
        answers.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next request to {@code path}, waiting up to {@code timeout}. */
    public Received next(String path, Duration timeout) throws InterruptedException {
        Received r = queue(path).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no request to " + path + " within " + timeout);
        }
        return r;
    }

    private LinkedBlockingQueue<Received> queue(String path) {
        return received.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
