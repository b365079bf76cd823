package com.opsledger.app;

import com.opsledger.app.security.LocalTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.List;

/** A small HTTP client for the tests: real requests to the running service, JSON answers. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final int port;

    public Api(int port) {
        this.base = "http://localhost:" + port;
        this.port = port;
    }

    /** An answer: status, content type and the body read as JSON (or as a JSON string when it is not JSON). */
    public record Response(int status, String contentType, String raw, JsonNode json) {
        public JsonNode at(String pointer) {
            return json.at(pointer);
        }
    }

    /** A bearer token for the given subject and roles, signed with the test secret. */
    public static String token(String subject, String... roles) {
        return "Bearer " + LocalTokens.mint(IntegrationTest.HMAC_SECRET, subject, List.of(roles), Duration.ofHours(1));
    }

    public Response get(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), authorization, null);
    }

    public Response post(String path, String authorization, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), authorization, null);
    }

    /** A platform call with the service key. */
    public Response ingest(String path, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), null, IntegrationTest.SERVICE_KEY);
    }

    /** A webhook as its sender posts it: the payload as written, with the sender's signature header if any. */
    public Response webhook(String path, String payload, String signatureHeader, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header(signatureHeader, signature);
        }
        return send(request, null, null);
    }

    /** A webhook with the headers its sender signs it with. */
    public Response webhook(String path, String payload, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        headers.forEach(request::header);
        return send(request, null, null);
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line) as written, over a socket: for what
     * {@link java.net.URI} and the JDK's client refuse to send, such as bad percent-encoding or another HTTP version.
     */
    public Response raw(String head) {
        return raw(head, "");
    }

    /** {@link #raw(String)} with a body, its Content-Length added. */
    public Response raw(String head, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((head + "\r\nHost: localhost\r\nConnection: close\r\n"
                    + (bytes.length > 0 ? "Content-Length: " + bytes.length + "\r\n" : "") + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write(bytes);
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String headers = answer.substring(0, split);
            String answerBody = answer.substring(split + 4);
            if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
                answerBody = dechunk(answerBody);
            }
            int status = Integer.parseInt(headers.split(" ")[1]);
            String contentType = headers.lines().filter(h -> h.toLowerCase().startsWith("content-type:"))
                    .map(h -> h.substring(13).trim()).findFirst().orElse("");
            JsonNode json = contentType.contains("json") && !contentType.contains("ndjson") && !answerBody.isEmpty()
                    ? JSON.readTree(answerBody) : JSON.getNodeFactory().textNode(answerBody);
            return new Response(status, contentType, answerBody, json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** The position of the newest event in the store, as the projections report it. */
    public long head() {
        return get("/api/v1/admin/projections", token("api-head", "operator")).json().valueStream()
                .mapToLong(p -> p.get("head").asLong()).max().orElseThrow();
    }

    /**
     * Waits until the rebuild of {@code projection} that was started last has been swapped in (its generation is
     * live), failing on a failed build; the live generation's number.
     */
    public int awaitRebuilt(String projection) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String admin = token("api-rebuilds", "admin");
        while (true) {
            JsonNode status = get("/api/v1/admin/projections", admin).json().valueStream()
                    .filter(p -> p.get("name").asString().equals(projection)).findFirst().orElseThrow();
            JsonNode newest = status.at("/generations/0");
            boolean building = newest.isObject() && List.of("building", "catching_up")
                    .contains(newest.get("state").asString());
            if (newest.isObject() && newest.get("state").asString().equals("failed")) {
                throw new AssertionError("the rebuild of " + projection + " failed: " + status);
            }
            if (!building && status.get("liveGeneration").asInt() > 1) {
                return status.get("liveGeneration").asInt();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the rebuild of " + projection + " is not live within 120 s: " + status);
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Waits until readers read {@code projection} (a new version of a read model switched in once caught up). */
    public void awaitServing(String projection) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String admin = token("api-versions", "admin");
        while (!get("/api/v1/admin/projections", admin).json().valueStream()
                .anyMatch(p -> p.get("name").asString().equals(projection) && p.get("servesReads").asBoolean())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(projection + " does not serve reads within 60 s");
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Waits between two polls of an asynchronous outcome. */
    public static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(HttpRequest.Builder request, String authorization, String serviceKey) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (serviceKey != null) {
            request.header("X-Service-Key", serviceKey);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") && !contentType.contains("ndjson") && !response.body().isEmpty()
                    ? JSON.readTree(response.body()) : JSON.getNodeFactory().textNode(response.body());
            return new Response(response.statusCode(), contentType, response.body(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
