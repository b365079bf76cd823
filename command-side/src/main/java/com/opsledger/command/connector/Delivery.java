package com.opsledger.command.connector;

import com.opsledger.command.AggregateCaching;
import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.RuleViolation;
import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.AttemptTrigger;
import com.opsledger.events.connector.ConnectionDescription;
import com.opsledger.events.connector.ConnectionDescription.Gate;
import com.opsledger.events.connector.DeliveryStatus;
import com.opsledger.events.connector.RetrySchedule;
import com.opsledger.events.connector.command.AcceptConnectorEvent;
import com.opsledger.events.connector.command.HoldDelivery;
import com.opsledger.events.connector.command.RecordDeliveryAttempt;
import com.opsledger.events.connector.command.RequestAttempt;
import com.opsledger.events.connector.event.ConnectorEventAccepted;
import com.opsledger.events.connector.event.DeliveryAttemptDue;
import com.opsledger.events.connector.event.DeliveryAttemptFailed;
import com.opsledger.events.connector.event.DeliveryAttemptStalled;
import com.opsledger.events.connector.event.DeliveryAttemptSucceeded;
import com.opsledger.events.connector.event.DeliveryFailed;
import com.opsledger.events.connector.event.DeliveryHeld;
import com.opsledger.events.connector.event.DeliveryRetryScheduled;
import com.opsledger.events.connector.event.DeliverySkipped;
import com.opsledger.events.connector.event.DuplicateConnectorEventReceived;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One accepted inbound event on its way to its connection's worker: every attempt is an event, made due by the
 * retry schedule (persistent deadlines), an operator or a replay, and made by the dispatcher, which reports its
 * outcome. At most one attempt is in flight; one without an outcome by its watch time (the connection's timeout and
 * {@link #WATCH_GRACE}) is declared stalled and counts as failed, so that a node that stops mid-attempt loses nothing.
 *
 * <p>Deadlines are not canceled when they become needless (db-scheduler cancels by schedule id only); each names
 * the step or attempt it is for, and finds the delivery moved on.
 */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.DELIVERY)
class Delivery {

    static final String RETRY = "delivery-retry";
    static final String WATCH = "delivery-attempt-watch";
    /** How long after its timeout an attempt without an outcome is declared stalled. */
    static final Duration WATCH_GRACE = Duration.ofSeconds(30);
    /** The actor of what connector delivery does on its own (retries, stalls, attempts, alerts). */
    static final String ACTOR = "system:connector-delivery";

    /** The retry deadline's payload: which step of the schedule is due. */
    record RetryDue(int scheduleStep) {
    }

    /** The watch deadline's payload: which attempt should have an outcome by now. */
    record AttemptWatch(int attempt) {
    }

    /** The scheduled retry waiting for its deadline. */
    private record PendingRetry(int scheduleStep, Instant at) {
    }

    /** The attempt made due and not ended yet. */
    private record InFlight(int attempt, Integer scheduleStep, Instant dueAt) {
    }

    @AggregateIdentifier
    private String deliveryId;
    private String connectionId;
    private String contentHash;
    private RetrySchedule retrySchedule;
    private boolean retryClientErrors;
    private Duration attemptTimeout;
    private DeliveryStatus status;
    private int attempts;
    private InFlight inFlight;
    private PendingRetry pendingRetry;
    /** The schedule step a held delivery resumes with, or null when it was held outside the schedule. */
    private Integer heldStep;
    /** The replay jobs that made an attempt of this delivery: each takes it up once. */
    private final Set<String> replayedBy = new HashSet<>();

    Delivery() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    /** Answers whether this accepted the event (false: the upstream sent its id before, recorded as a duplicate). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(AcceptConnectorEvent command, DeadlineManager deadlines) {
        if (deliveryId != null) {
            apply(new DuplicateConnectorEventReceived(deliveryId, connectionId, command.receivedAt(),
                    contentHash.equals(command.contentHash())));
            return false;
        }
        ConnectionDescription connection = command.connection();
        apply(new ConnectorEventAccepted(command.deliveryId(), connection.connectionId(), connection.connector(),
                connection.orgId(), connection.workspaceId(), command.upstreamId(), command.eventType(),
                command.posture(), command.payload(), command.contentHash(), command.receivedAt(),
                connection.retrySchedule(), connection.retryClientErrors(), connection.attemptTimeout()));
        switch (connection.gate()) {
            case OPEN -> scheduleStep(1, command.receivedAt(), retrySchedule.delays().get(0), false,
                    MetaData.emptyInstance(), deadlines);
            case PAUSED -> apply(new DeliveryHeld(deliveryId, connectionId, 0));
            case DISABLED, REVOKED -> apply(new DeliverySkipped(deliveryId, connectionId, 0, connection.gate()));
        }
        return true;
    }

    /** Answers whether the outcome was recorded (false: that attempt is no longer in flight, declared stalled). */
    @CommandHandler
    boolean handle(RecordDeliveryAttempt command, DeadlineManager deadlines) {
        if (inFlight == null || inFlight.attempt() != command.attempt()) {
            return false;
        }
        if (command.reason() == AttemptReason.DELIVERED) {
            apply(new DeliveryAttemptSucceeded(deliveryId, connectionId, command.attempt(), command.statusCode(),
                    command.startedAt(), command.durationMillis(), command.responseExcerpt(),
                    pendingRetry == null ? null : pendingRetry.at()));
            return true;
        }
        Integer step = inFlight.scheduleStep();
        apply(new DeliveryAttemptFailed(deliveryId, connectionId, command.attempt(), command.reason(),
                command.statusCode(), command.startedAt(), command.durationMillis(), command.responseExcerpt()));
        Instant endedAt = command.startedAt().plusMillis(command.durationMillis());
        afterFailure(command.attempt(), step, command.reason(), command.retryAfter(), endedAt, MetaData.emptyInstance(),
                deadlines);
        return true;
    }

    /** The dispatcher found the connection's gate closed: held while paused, skipped while disabled or revoked. */
    @CommandHandler
    boolean handle(HoldDelivery command) {
        if (inFlight == null || inFlight.attempt() != command.attempt() || command.gate() == Gate.OPEN) {
            return false;
        }
        if (command.gate() == Gate.PAUSED) {
            apply(new DeliveryHeld(deliveryId, connectionId, command.attempt()));
        } else {
            apply(new DeliverySkipped(deliveryId, connectionId, command.attempt(), command.gate()));
        }
        return true;
    }

    /**
     * An attempt now, outside the schedule. An operator's redelivery is refused only while an attempt is in flight; a
     * replay takes up failed and skipped deliveries, once per job, a resume held ones, and both pass over the rest.
     */
    @CommandHandler
    boolean handle(RequestAttempt command, DeadlineManager deadlines) {
        if (inFlight != null) {
            if (command.trigger() == AttemptTrigger.REDELIVERY) {
                throw new RuleViolation("attempt " + inFlight.attempt() + " of delivery " + deliveryId
                        + " is under way; redeliver once it has ended");
            }
            return false;
        }
        boolean takesUp = switch (command.trigger()) {
            case REDELIVERY -> true;
            case REPLAY -> status.replayable() && !replayedBy.contains(command.jobId());
            case RESUME -> status == DeliveryStatus.HELD;
            case SCHEDULE -> false;
        };
        if (!takesUp) {
            return false;
        }
        Integer step = command.trigger() == AttemptTrigger.RESUME ? heldStep : null;
        due(command.trigger(), step, command.jobId(), command.at(), MetaData.emptyInstance(), deadlines);
        return true;
    }

    @DeadlineHandler(deadlineName = RETRY)
    void on(RetryDue due, DeadlineManager deadlines) {
        if (status == DeliveryStatus.RETRY_SCHEDULED && pendingRetry.scheduleStep() == due.scheduleStep()) {
            due(AttemptTrigger.SCHEDULE, due.scheduleStep(), null, firedAt(pendingRetry.at()), system(), deadlines);
        }
    }

    @DeadlineHandler(deadlineName = WATCH)
    void on(AttemptWatch watch, DeadlineManager deadlines) {
        if (inFlight == null || inFlight.attempt() != watch.attempt()) {
            return;
        }
        Instant now = firedAt(inFlight.dueAt().plus(watchWindow()));
        Integer step = inFlight.scheduleStep();
        apply(new DeliveryAttemptStalled(deliveryId, connectionId, watch.attempt(), inFlight.dueAt(), now), system());
        afterFailure(watch.attempt(), step, AttemptReason.NO_OUTCOME, null, now, system(), deadlines);
    }

    /**
     * What follows failed attempt {@code attempt}: within the schedule ({@code step} not null), the rules' verdict;
     * outside it (an operator's), the schedule goes on if a retry is waiting, and otherwise the delivery has failed.
     */
    private void afterFailure(int attempt, Integer step, AttemptReason reason, Duration retryAfter, Instant endedAt,
                              MetaData metaData, DeadlineManager deadlines) {
        if (step == null) {
            if (reason == AttemptReason.GONE || pendingRetry == null) {
                apply(new DeliveryFailed(deliveryId, connectionId, attempts, reason, false), metaData);
            }
            return;
        }
        DeliveryRules.Verdict verdict = DeliveryRules.after(reason, step, retrySchedule, retryAfter,
                retryClientErrors, jitterUnit(attempt));
        if (verdict instanceof DeliveryRules.RetryIn retry) {
            scheduleStep(step + 1, endedAt, retry.delay(), retry.byRetryAfter(), metaData, deadlines);
        } else {
            boolean exhausted = verdict instanceof DeliveryRules.Failed failed && failed.exhausted();
            apply(new DeliveryFailed(deliveryId, connectionId, attempts, reason, exhausted), metaData);
        }
    }

    /** Step {@code step} of the schedule, {@code wait} after {@code from}: due at once, or at a persistent deadline. */
    private void scheduleStep(int step, Instant from, Duration wait, boolean byRetryAfter, MetaData metaData,
                              DeadlineManager deadlines) {
        if (wait.isZero()) {
            due(AttemptTrigger.SCHEDULE, step, null, from, metaData, deadlines);
            return;
        }
        Instant at = from.plus(wait);
        apply(new DeliveryRetryScheduled(deliveryId, connectionId, step, at, byRetryAfter), metaData);
        deadlines.schedule(at, RETRY, new RetryDue(step));
    }

    private void due(AttemptTrigger trigger, Integer step, String jobId, Instant at, MetaData metaData,
                     DeadlineManager deadlines) {
        int attempt = attempts + 1;
        Instant watchUntil = at.plus(watchWindow());
        apply(new DeliveryAttemptDue(deliveryId, connectionId, attempt, trigger, step, jobId, at, watchUntil),
                metaData);
        deadlines.schedule(watchUntil, WATCH, new AttemptWatch(attempt));
    }

    /**
     * When a deadline due at {@code scheduled} fired: now, or its due time should the clock be behind it. A deadline
     * fires up to a polling interval late, or much later after an outage, and what follows it counts from then.
     */
    private static Instant firedAt(Instant scheduled) {
        Instant now = GenericEventMessage.clock.instant();
        return now.isAfter(scheduled) ? now : scheduled;
    }

    private Duration watchWindow() {
        return attemptTimeout.plus(WATCH_GRACE);
    }

    /**
     * Where within the jitter an attempt's next wait falls: derived from the delivery and the attempt, so that
     * deliveries failing together spread out, and the same history always gives the same schedule.
     */
    private double jitterUnit(int attempt) {
        UUID hash = UUID.nameUUIDFromBytes((deliveryId + ":" + attempt).getBytes(StandardCharsets.UTF_8));
        return (hash.getLeastSignificantBits() >>> 11) / (double) (1L << 53);
    }

    /**
     * The metadata of what connector delivery does on its own: this aggregate's deadlines, and the commands of the
     * dispatcher, the endpoints' health and the replay jobs' progress.
     */
    static MetaData system() {
        return MetaData.with(MetaDataKeys.ACTOR, ACTOR);
    }

    @EventSourcingHandler
    void on(ConnectorEventAccepted event) {
        deliveryId = event.deliveryId();
        connectionId = event.connectionId();
        contentHash = event.contentHash();
        retrySchedule = event.retrySchedule();
        retryClientErrors = event.retryClientErrors();
        attemptTimeout = event.attemptTimeout();
        status = DeliveryStatus.ATTEMPTING;
    }

    @EventSourcingHandler
    void on(DeliveryAttemptDue event) {
        attempts = event.attempt();
        inFlight = new InFlight(event.attempt(), event.scheduleStep(), event.dueAt());
        if (event.jobId() != null) {
            replayedBy.add(event.jobId());
        }
        status = DeliveryStatus.ATTEMPTING;
        if (event.scheduleStep() != null) {
            pendingRetry = null;
        }
    }

    @EventSourcingHandler
    void on(DeliveryRetryScheduled event) {
        inFlight = null;
        pendingRetry = new PendingRetry(event.scheduleStep(), event.at());
        status = DeliveryStatus.RETRY_SCHEDULED;
    }

    @EventSourcingHandler
    void on(DeliveryAttemptSucceeded event) {
        inFlight = null;
        pendingRetry = null;
        status = DeliveryStatus.DELIVERED;
    }

    /** An operator's failed attempt leaves a waiting retry waiting; what else follows a failure is its own event. */
    @EventSourcingHandler
    void on(DeliveryAttemptFailed event) {
        afterAttemptEnded();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptStalled event) {
        afterAttemptEnded();
    }

    private void afterAttemptEnded() {
        boolean outsideSchedule = inFlight.scheduleStep() == null;
        inFlight = null;
        if (outsideSchedule && pendingRetry != null) {
            status = DeliveryStatus.RETRY_SCHEDULED;
        }
    }

    @EventSourcingHandler
    void on(DeliveryFailed event) {
        inFlight = null;
        pendingRetry = null;
        status = DeliveryStatus.FAILED;
    }

    @EventSourcingHandler
    void on(DeliveryHeld event) {
        heldStep = stepToResume();
        inFlight = null;
        pendingRetry = null;
        status = DeliveryStatus.HELD;
    }

    /**
     * The schedule step a held delivery goes on with: the first when it was held on acceptance, the held attempt's
     * step, or the retry an operator's held attempt left waiting; none when it was held outside the schedule.
     */
    private Integer stepToResume() {
        if (inFlight == null) {
            return 1;
        }
        if (inFlight.scheduleStep() != null) {
            return inFlight.scheduleStep();
        }
        return pendingRetry == null ? null : pendingRetry.scheduleStep();
    }

    @EventSourcingHandler
    void on(DeliverySkipped event) {
        inFlight = null;
        pendingRetry = null;
        status = DeliveryStatus.SKIPPED;
    }
}
