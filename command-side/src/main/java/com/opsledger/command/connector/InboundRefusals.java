package com.opsledger.command.connector;

import com.opsledger.command.CommandSender;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.connector.ConnectorIds;
import com.opsledger.events.connector.PostureCount;
import com.opsledger.events.connector.RefusalSample;
import com.opsledger.events.connector.VerificationPosture;
import com.opsledger.events.connector.command.RecordInboundRefusals;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.opsledger.command.StrangerText.printable;

/**
 * Webhooks refused at a connection's door, counted instead of stored one by one: an anonymous sender must not be able
 * to grow the event store at its request rate. Per connection, the refusals of each window
 * ({@code opsledger.connector.refusal-window}, aligned to the epoch so that every node's windows agree) become one
 * {@code InboundEventsRefused} per node once the window has ended, with a count per posture and the first request
 * as a sample. Webhooks to no connection are not recorded at all: they are counted in the
 * {@code opsledger.connector.inbound} metric and summed up in one log line per window.
 *
 * <p>A source (the client's address) that has been refused more than
 * {@code opsledger.connector.refusals-per-source} times in a window is answered 429 until the window ends, before
 * anything else is done for it.
 */
@Component
class InboundRefusals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundRefusals.class);
    /** The sources counted apart in one window; the rest share one count (and so reach the limit together). */
    private static final int MAX_SOURCES = 10_000;
    private static final String OTHER_SOURCES = "other";
    private static final int MAX_SAMPLE_HEADERS = 20;
    private static final int MAX_HEADER_NAME = 64;
    private static final int MAX_HEADER_VALUE = 200;
    /** Headers that may carry credentials are never kept in a sample. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

    /** A 429 with the time the source's window ends, in seconds, as Retry-After. */
    static final class SourceLimited extends ErrorResponseException {
        private final long retryAfterSeconds;

        SourceLimited(long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "too many refused webhooks from this address; try again after " + retryAfterSeconds + " s"), null);
            getBody().setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            return headers;
        }
    }

    /** One connection's refusals in one window. */
    private static final class Window {
        final String connectionId;
        final Instant start;
        final Instant end;
        final Map<VerificationPosture, Integer> postures = new EnumMap<>(VerificationPosture.class);
        int refused;
        RefusalSample sample;

        Window(String connectionId, Instant start, Instant end) {
            this.connectionId = connectionId;
            this.start = start;
            this.end = end;
        }

        RecordInboundRefusals command() {
            List<PostureCount> counts = postures.entrySet().stream()
                    .map(p -> new PostureCount(p.getKey(), p.getValue())).toList();
            return new RecordInboundRefusals(ConnectorIds.refusalsFor(connectionId, start), connectionId, start, end,
                    refused, counts, sample);
        }
    }

    private final CommandSender commands;
    private final Clock clock;
    private final Duration window;
    private final int refusalsPerSource;
    /** Guarded by {@code this}. */
    private final Map<String, Window> open = new HashMap<>();
    private final List<Window> ended = new ArrayList<>();
    private final Map<String, Integer> refusalsBySource = new HashMap<>();
    private Instant sourceWindow = Instant.EPOCH;
    private int unknownConnection;
    private ScheduledExecutorService flusher;

    InboundRefusals(CommandSender commands, Clock clock, ConnectorSettings settings) {
        this.commands = commands;
        this.clock = clock;
        this.window = settings.refusalWindow();
        this.refusalsPerSource = settings.refusalsPerSource();
    }

    /** Refuses, with 429, a source that has been refused too often in the current window. */
    synchronized void requireWithinLimit(String source) {
        Instant now = clock.instant();
        rollSources(now);
        if (refusalsBySource.getOrDefault(sourceKey(source), 0) >= refusalsPerSource) {
            throw new SourceLimited(Math.max(1, Duration.between(now, sourceWindow.plus(window)).toSeconds()));
        }
    }

    /** A webhook sent to an id that names no connection: counted against its source, never recorded. */
    synchronized void refusedUnknown(String source) {
        rollSources(clock.instant());
        refusalsBySource.merge(sourceKey(source), 1, Integer::sum);
        unknownConnection++;
    }

    /** A webhook that failed its connection's verification: counted, and its window recorded once it ends. */
    synchronized void refused(String connectionId, String source, VerificationPosture posture, String upstreamId,
                              int payloadBytes, String payloadHash, HttpHeaders headers, Instant receivedAt) {
        Instant now = clock.instant();
        rollSources(now);
        refusalsBySource.merge(sourceKey(source), 1, Integer::sum);
        Instant start = windowStart(now);
        Window current = open.get(connectionId);
        if (current != null && !current.start.equals(start)) {
            ended.add(current);
            current = null;
        }
        if (current == null) {
            current = new Window(connectionId, start, start.plus(window));
            open.put(connectionId, current);
        }
        current.refused++;
        current.postures.merge(posture, 1, Integer::sum);
        if (current.sample == null) {
            current.sample = new RefusalSample(posture, upstreamId == null ? null : printable(upstreamId, 80),
                    payloadBytes, payloadHash, source, receivedAt, sampleHeaders(headers));
        }
    }

    /** Records every window that has ended (all of them when {@code all}); a window that fails stays for the next. */
    void flush(boolean all) {
        List<Window> due = takeDue(all);
        for (Iterator<Window> it = due.iterator(); it.hasNext(); ) {
            Window w = it.next();
            try {
                commands.send(w.command(), MetaData.with(MetaDataKeys.ACTOR, "connector-door"));
                it.remove();
            } catch (RuntimeException e) {
                log.warn("Could not record {} refused webhooks of {} yet; trying again", w.refused, w.connectionId, e);
            }
        }
        if (!due.isEmpty()) {
            synchronized (this) {
                ended.addAll(due);
            }
        }
    }

    private synchronized List<Window> takeDue(boolean all) {
        Instant now = clock.instant();
        for (Iterator<Window> it = open.values().iterator(); it.hasNext(); ) {
            Window w = it.next();
            if (all || !w.end.isAfter(now)) {
                ended.add(w);
                it.remove();
            }
        }
        List<Window> due = new ArrayList<>(ended);
        ended.clear();
        rollSources(now);
        return due;
    }

    /** A new window for the sources' counts once the current one has ended; the ended one's unknowns logged. */
    private void rollSources(Instant now) {
        Instant start = windowStart(now);
        if (!start.equals(sourceWindow)) {
            if (unknownConnection > 0) {
                log.info("Refused {} webhooks sent to no connection, from {} sources, in the window from {}",
                        unknownConnection, refusalsBySource.size(), sourceWindow);
            }
            unknownConnection = 0;
            refusalsBySource.clear();
            sourceWindow = start;
        }
    }

    private String sourceKey(String source) {
        return refusalsBySource.size() < MAX_SOURCES || refusalsBySource.containsKey(source) ? source : OTHER_SOURCES;
    }

    private Instant windowStart(Instant now) {
        long length = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    private static List<RefusalSample.Header> sampleHeaders(HttpHeaders headers) {
        Map<String, RefusalSample.Header> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (kept.size() < MAX_SAMPLE_HEADERS && !CREDENTIAL_HEADERS.contains(name.toLowerCase())) {
                kept.put(name, new RefusalSample.Header(printable(name, MAX_HEADER_NAME),
                        printable(String.join(", ", values), MAX_HEADER_VALUE)));
            }
        });
        return List.copyOf(kept.values());
    }

    @Override
    public synchronized void start() {
        long tick = Math.max(100, Math.min(1000, window.toMillis() / 4));
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "inbound-refusals");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(() -> flush(false), tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Stops first (the highest phase), so that the open windows are recorded while commands still run. */
    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = flusher;
            flusher = null;
        }
        if (running != null) {
            running.shutdown();
            flush(true);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return flusher != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
