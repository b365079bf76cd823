package com.opsledger.command.connector.delivery;

import com.opsledger.events.connector.AttemptReason;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one attempt: POSTs the body with its headers to the worker's endpoint and tells how it ended. An endpoint
 * whose host resolves to an internal address is not sent to ({@link EndpointAddresses}). Redirects are
 * not followed; the whole exchange, the answer's body included, is bounded by the timeout, and of the answer only the
 * first {@value #EXCERPT_BYTES} bytes are read, so a worker that answers slowly or without end costs a bounded wait.
 */
public class WebhookSender {

    /** How much of the worker's answer (or of the error) is kept with the attempt. */
    public static final int EXCERPT_BYTES = 1024;

    /**
     * How an attempt ended.
     *
     * @param statusCode the worker's status, or null when it did not answer
     * @param retryAfter the worker's Retry-After, or null
     */
    public record Result(AttemptReason reason, Integer statusCode, Instant startedAt, long durationMillis,
                         String excerpt, Duration retryAfter) {
    }

    private final HttpClient client;
    private final EndpointAddresses addresses;
    private final Clock clock;

    public WebhookSender(EndpointAddresses addresses, Clock clock) {
        this.addresses = addresses;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * How the attempt ended; null when the thread was interrupted (the node is stopping): the worker may have
     * received it, and what it answered is not known.
     */
    public Result send(String endpointUrl, Map<String, String> headers, String body, Duration timeout) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        URI endpoint = URI.create(endpointUrl);
        Optional<String> refusal = addresses.refusal(endpoint.getHost());
        if (refusal.isPresent()) {
            return failed(AttemptReason.INTERNAL_ADDRESS, startedAt, start, refusal.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request.build(), info -> new Excerpt());
        try {
            HttpResponse<String> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                    clock.instant()).orElse(null);
            return new Result(AttemptReason.ofStatus(response.statusCode()), response.statusCode(), startedAt,
                    millisSince(start), response.body(), retryAfter);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failed(AttemptReason.TIMEOUT, startedAt, start, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return failed(AttemptReason.TIMEOUT, startedAt, start, "no answer within " + timeout.toMillis()
                        + " ms");
            }
            if (cause instanceof ConnectException) {
                return failed(AttemptReason.CONNECTION_REFUSED, startedAt, start, "connection refused");
            }
            return failed(AttemptReason.NETWORK_ERROR, startedAt, start, cause.getClass().getSimpleName() + ": "
                    + cause.getMessage());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Result failed(AttemptReason reason, Instant startedAt, long start, String why) {
        String excerpt = why.length() > EXCERPT_BYTES ? why.substring(0, EXCERPT_BYTES) : why;
        return new Result(reason, null, startedAt, millisSince(start), excerpt, null);
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    /** Reads the first {@value #EXCERPT_BYTES} bytes of an answer, then stops reading it. */
    private static final class Excerpt implements HttpResponse.BodySubscriber<String> {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> text = new CompletableFuture<>();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<String> getBody() {
            return text;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), EXCERPT_BYTES - bytes.size());
                byte[] part = new byte[take];
                buffer.get(part);
                bytes.write(part, 0, take);
            }
            if (bytes.size() >= EXCERPT_BYTES) {
                subscription.cancel();
                onComplete();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            text.completeExceptionally(error instanceof IOException ? error : new IOException(error));
        }

        @Override
        public void onComplete() {
            text.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
