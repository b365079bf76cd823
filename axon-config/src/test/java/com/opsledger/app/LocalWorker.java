package com.opsledger.app;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * A runtime worker on a local port, as a connection's endpoint in tests: it keeps every request it receives and
 * answers each as its script says for the n-th request (from 1): a status, headers, and how long it waits before
 * answering.
 */
final class LocalWorker implements AutoCloseable {

    /** What the worker answers. */
    record Answer(int status, Map<String, String> headers, Duration delay) {
        static Answer status(int status) {
            return new Answer(status, Map.of(), Duration.ZERO);
        }
    }

    /** One request as received. */
    record Received(Instant at, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    LocalWorker(IntFunction<Answer> script) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = script.apply(received.size());
            Api.pause(answer.delay());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] text = ("worker answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until the worker has received {@code count} requests, and answers them. */
    List<Received> await(int count, Duration atMost) {
        Instant until = Instant.now().plus(atMost);
        while (received.size() < count) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the worker received " + received.size() + " of " + count
                        + " requests within " + atMost);
            }
            Api.pause(Duration.ofMillis(50));
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
