package com.opsledger.command.connector;

import com.opsledger.command.CommandSender;
import com.opsledger.command.connector.delivery.DeliverySignature;
import com.opsledger.command.connector.delivery.EndpointAddresses;
import com.opsledger.command.connector.delivery.WebhookSender;
import com.opsledger.events.WireName;
import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.ConnectionDescription;
import com.opsledger.events.connector.command.DescribeConnection;
import com.opsledger.events.connector.command.HoldDelivery;
import com.opsledger.events.connector.command.RecordDeliveryAttempt;
import com.opsledger.events.connector.event.ConnectorEventAccepted;
import com.opsledger.events.connector.event.DeliveryAttemptDue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes each attempt a delivery has made due ({@link DeliveryAttemptDue}): asks the connection where and how to
 * deliver, POSTs the event signed per Standard Webhooks, and records the outcome with the delivery ({@link
 * EndpointHealth} takes it to the connection). Its tracking processor ({@value #PROCESSING_GROUP}, on command nodes,
 * never replayed) only hands each attempt to this class's threads, once its token has committed: a crash before then
 * finds the event again and no attempt made; a crash after it leaves the attempt without an outcome, which the
 * delivery's watch deadline declares stalled and retries. So the worker receives an attempt at most once per attempt
 * recorded.
 *
 * <p>When twice as many attempts as threads are queued or under way, the processor waits: the backlog stays in the
 * event store, not in memory.
 */
@Component
@ProcessingGroup(DeliveryDispatcher.PROCESSING_GROUP)
@DisallowReplay
public class DeliveryDispatcher {

    public static final String PROCESSING_GROUP = "connector-delivery";
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final CommandSender commands;
    private final EventStore eventStore;
    private final SecretSeal seal;
    private final WebhookSender sender;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ExecutorService threads;
    private final Semaphore waiting;

    DeliveryDispatcher(CommandSender commands, EventStore eventStore, SecretSeal seal, ConnectorSettings settings,
                       MeterRegistry meters, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.seal = seal;
        this.meters = meters;
        this.clock = clock;
        this.sender = new WebhookSender(new EndpointAddresses(settings.allowPrivateEndpoints()), clock);
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(settings.deliveryThreads(), task -> {
            Thread thread = new Thread(task, "connector-delivery-" + number.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        this.waiting = new Semaphore(2 * settings.deliveryThreads());
    }

    @EventHandler
    void on(DeliveryAttemptDue due) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unit -> handOver(due));
        } else {
            handOver(due);
        }
    }

    /** Waits while {@link #waiting} attempts are queued or under way: the backlog stays in the event store. */
    private void handOver(DeliveryAttemptDue due) {
        waiting.acquireUninterruptibly();
        threads.execute(() -> {
            try {
                attempt(due);
            } finally {
                waiting.release();
            }
        });
    }

    private void attempt(DeliveryAttemptDue due) {
        try {
            Instant now = clock.instant();
            ConnectionDescription connection = commands.send(new DescribeConnection(due.connectionId(), now));
            if (now.plus(connection.attemptTimeout()).isAfter(due.watchUntil())) {
                // Its watch would declare it stalled before the worker's answer counts: the watch retries it.
                log.warn("attempt {} of {} is late for its watch; left to it", due.attempt(), due.deliveryId());
                return;
            }
            if (connection.gate() != ConnectionDescription.Gate.OPEN) {
                commands.send(new HoldDelivery(due.deliveryId(), due.attempt(), connection.gate()), Delivery.system());
                return;
            }
            ConnectorEventAccepted event = accepted(due.deliveryId());
            WebhookSender.Result result = sender.send(connection.endpointUrl(), headers(due, event, connection, now),
                    event.payload(), connection.attemptTimeout());
            if (result == null) {
                return; // the node is stopping: the attempt's watch takes it
            }
            commands.send(new RecordDeliveryAttempt(due.deliveryId(), due.attempt(), result.reason(),
                    result.statusCode(), result.startedAt(), result.durationMillis(), result.excerpt(),
                    result.retryAfter()), Delivery.system());
            meters.counter("opsledger.connector.attempts", "outcome", WireName.of(result.reason())).increment();
            Timer.builder("opsledger.connector.attempt.duration").tag("outcome", WireName.of(result.reason()))
                    .publishPercentileHistogram().register(meters)
                    .record(Duration.ofMillis(result.durationMillis()));
            if (result.reason() == AttemptReason.DELIVERED) {
                // From the upstream's webhook to the worker's answer, retries included.
                Timer.builder("opsledger.connector.delivery.latency").publishPercentileHistogram().register(meters)
                        .record(Duration.between(event.receivedAt(), clock.instant()));
            }
        } catch (RuntimeException e) {
            // Nothing recorded: the delivery's watch declares the attempt stalled and the schedule goes on.
            log.warn("attempt {} of {} could not be made or recorded", due.attempt(), due.deliveryId(), e);
        }
    }

    private Map<String, String> headers(DeliveryAttemptDue due, ConnectorEventAccepted event,
                                        ConnectionDescription connection, Instant now) {
        Map<String, String> headers = new HashMap<>(DeliverySignature.headers(connection.signingSecrets().stream()
                .map(s -> seal.open(connection.connectionId(), s)).toList(), due.deliveryId(), now, event.payload()));
        headers.put("X-OpsLedger-Connection", connection.connectionId());
        headers.put("X-OpsLedger-Upstream-Id", event.upstreamId());
        headers.put("X-OpsLedger-Attempt", Integer.toString(due.attempt()));
        if (event.eventType() != null) {
            headers.put("X-OpsLedger-Event-Type", event.eventType());
        }
        return headers;
    }

    /** The accepted event, which opens every delivery's stream, with the payload as the upstream sent it. */
    private ConnectorEventAccepted accepted(String deliveryId) {
        return (ConnectorEventAccepted) eventStore.readEvents(deliveryId).next().getPayload();
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
