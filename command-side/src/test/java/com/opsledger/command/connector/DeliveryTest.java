package com.opsledger.command.connector;

import com.opsledger.events.RuleViolation;
import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.AttemptTrigger;
import com.opsledger.events.connector.ConnectionDescription;
import com.opsledger.events.connector.ConnectionDescription.Gate;
import com.opsledger.events.connector.RetrySchedule;
import com.opsledger.events.connector.VerificationPosture;
import com.opsledger.events.connector.VerificationScheme;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static java.time.Duration.ofSeconds;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

class DeliveryTest {

    private static final String DELIVERY = "dlv-1";
    private static final String CONNECTION = "con-1";
    /**
     * Ahead of the real clock, which the fixture's deadlines do not move: a deadline then fires at its due time (the
     * aggregate takes the later of the clock and the due time).
     */
    private static final Instant NOW = Instant.parse("2999-12-03T08:00:00Z");
    private static final Duration TIMEOUT = ofSeconds(10);
    /** Immediately, 5 s, 60 s; no jitter, so that each wait is exact. */
    private static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(Duration.ZERO, ofSeconds(5),
            ofSeconds(60)), 0);

    private AggregateTestFixture<Delivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delivery.class);
    }

    private static ConnectionDescription connection(Gate gate, RetrySchedule schedule, boolean retryClientErrors) {
        return new ConnectionDescription(CONNECTION, "github", "org-1", "ws-1", "http://worker.local/hook",
                VerificationScheme.GITHUB, List.of(), List.of(), schedule, retryClientErrors, TIMEOUT, gate);
    }

    private static AcceptConnectorEvent accept(Gate gate) {
        return accept(connection(gate, SCHEDULE, false), "h-1");
    }

    private static AcceptConnectorEvent accept(ConnectionDescription connection, String hash) {
        return new AcceptConnectorEvent(DELIVERY, connection, "gh-1", "push", VerificationPosture.VERIFIED,
                "{\"ref\":\"main\"}", hash, NOW);
    }

    private static ConnectorEventAccepted accepted() {
        return new ConnectorEventAccepted(DELIVERY, CONNECTION, "github", "org-1", "ws-1", "gh-1", "push",
                VerificationPosture.VERIFIED, "{\"ref\":\"main\"}", "h-1", NOW, SCHEDULE, false, TIMEOUT);
    }

    private static DeliveryAttemptDue due(int attempt, AttemptTrigger trigger, Integer step, Instant at) {
        return new DeliveryAttemptDue(DELIVERY, CONNECTION, attempt, trigger, step, null, at,
                at.plus(TIMEOUT).plus(Delivery.WATCH_GRACE));
    }

    private static RecordDeliveryAttempt outcome(int attempt, int status, Duration retryAfter) {
        return new RecordDeliveryAttempt(DELIVERY, attempt, AttemptReason.ofStatus(status), status,
                NOW.plusSeconds(1), 200, "answer", retryAfter);
    }

    private static DeliveryAttemptFailed failed(int attempt, int status) {
        return new DeliveryAttemptFailed(DELIVERY, CONNECTION, attempt, AttemptReason.ofStatus(status), status,
                NOW.plusSeconds(1), 200, "answer");
    }

    /** When an attempt that started a second after NOW and took 200 ms ended. */
    private static final Instant ENDED = NOW.plusSeconds(1).plusMillis(200);

    @Test
    void anAcceptedEventIsDueAtOnceAndWatched() {
        fixture.givenNoPriorActivity().when(accept(Gate.OPEN))
                .expectEvents(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW))
                .expectResultMessagePayload(true)
                .expectScheduledDeadlineWithName(NOW.plus(TIMEOUT).plus(Delivery.WATCH_GRACE), Delivery.WATCH);
    }

    @Test
    void aScheduleThatWaitsBeforeTheFirstAttemptSchedulesIt() {
        RetrySchedule later = new RetrySchedule(List.of(ofSeconds(30)), 0);
        fixture.givenNoPriorActivity().when(accept(connection(Gate.OPEN, later, false), "h-1"))
                .expectEvents(new ConnectorEventAccepted(DELIVERY, CONNECTION, "github", "org-1", "ws-1", "gh-1",
                                "push", VerificationPosture.VERIFIED, "{\"ref\":\"main\"}", "h-1", NOW, later, false,
                                TIMEOUT),
                        new DeliveryRetryScheduled(DELIVERY, CONNECTION, 1, NOW.plusSeconds(30), false))
                .expectScheduledDeadlineWithName(NOW.plusSeconds(30), Delivery.RETRY);
    }

    @Test
    void theSameUpstreamIdAgainIsRecordedAsADuplicateAndNotDeliveredAgain() {
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW)).when(accept(Gate.OPEN))
                .expectEvents(new DuplicateConnectorEventReceived(DELIVERY, CONNECTION, NOW, true))
                .expectResultMessagePayload(false).expectNoScheduledDeadlines();
        fixture.given(accepted()).when(accept(connection(Gate.OPEN, SCHEDULE, false), "h-other"))
                .expectEvents(new DuplicateConnectorEventReceived(DELIVERY, CONNECTION, NOW, false));
    }

    @Test
    void aPausedConnectionHoldsTheEventAndADisabledOrRevokedOneSkipsIt() {
        fixture.givenNoPriorActivity().when(accept(Gate.PAUSED))
                .expectEvents(accepted(), new DeliveryHeld(DELIVERY, CONNECTION, 0)).expectNoScheduledDeadlines();
        fixture.givenNoPriorActivity().when(accept(Gate.DISABLED))
                .expectEvents(accepted(), new DeliverySkipped(DELIVERY, CONNECTION, 0, Gate.DISABLED));
        fixture.givenNoPriorActivity().when(accept(Gate.REVOKED))
                .expectEvents(accepted(), new DeliverySkipped(DELIVERY, CONNECTION, 0, Gate.REVOKED));
    }

    @Test
    void a2xxDelivers() {
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW)).when(outcome(1, 204, null))
                .expectEvents(new DeliveryAttemptSucceeded(DELIVERY, CONNECTION, 1, 204, NOW.plusSeconds(1), 200,
                        "answer", null))
                .expectResultMessagePayload(true);
    }

    @Test
    void aServerErrorIsRetriedAtTheNextStepOfTheSchedule() {
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW)).when(outcome(1, 503, null))
                .expectEvents(failed(1, 503),
                        new DeliveryRetryScheduled(DELIVERY, CONNECTION, 2, ENDED.plusSeconds(5), false))
                .expectScheduledDeadlineWithName(ENDED.plusSeconds(5), Delivery.RETRY);
    }

    @Test
    void theRetryDeadlineMakesTheNextStepDue() {
        fixture.givenCurrentTime(NOW).andGivenCommands(accept(Gate.OPEN), outcome(1, 500, null))
                .whenTimeAdvancesTo(ENDED.plusSeconds(5))
                .expectEvents(due(2, AttemptTrigger.SCHEDULE, 2, ENDED.plusSeconds(5)));
    }

    @Test
    void aRetryAfterLaterThanTheScheduleSetsTheNextAttempt() {
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW)).when(outcome(1, 429, ofSeconds(120)))
                .expectEvents(failed(1, 429), new DeliveryRetryScheduled(DELIVERY, CONNECTION, 2,
                        ENDED.plusSeconds(120), true));
    }

    @Test
    void a410FailsTheDeliveryAtOnce() {
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW)).when(outcome(1, 410, null))
                .expectEvents(failed(1, 410), new DeliveryFailed(DELIVERY, CONNECTION, 1, AttemptReason.GONE, false))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aClientErrorFailsFastUnlessTheConnectionRetriesThem() {
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW)).when(outcome(1, 400, null))
                .expectEvents(failed(1, 400),
                        new DeliveryFailed(DELIVERY, CONNECTION, 1, AttemptReason.CLIENT_ERROR, false));
        fixture.givenCommands(accept(connection(Gate.OPEN, SCHEDULE, true), "h-1")).when(outcome(1, 400, null))
                .expectEvents(failed(1, 400), new DeliveryRetryScheduled(DELIVERY, CONNECTION, 2,
                        ENDED.plusSeconds(5), false));
    }

    @Test
    void theLastStepOfTheScheduleFailingFailsTheDeliveryAsExhausted() {
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW), failed(1, 500),
                        new DeliveryRetryScheduled(DELIVERY, CONNECTION, 2, NOW, false),
                        due(2, AttemptTrigger.SCHEDULE, 2, NOW),
                        failed(2, 500), new DeliveryRetryScheduled(DELIVERY, CONNECTION, 3, NOW, false),
                        due(3, AttemptTrigger.SCHEDULE, 3, NOW))
                .when(outcome(3, 502, null))
                .expectEvents(failed(3, 502),
                        new DeliveryFailed(DELIVERY, CONNECTION, 3, AttemptReason.SERVER_ERROR, true));
    }

    @Test
    void anOutcomeForAnAttemptNoLongerInFlightIsIgnored() {
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW),
                        new DeliveryAttemptStalled(DELIVERY, CONNECTION, 1, NOW, NOW.plusSeconds(40)))
                .when(outcome(1, 200, null)).expectNoEvents().expectResultMessagePayload(false);
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW)).when(outcome(2, 200, null))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void anAttemptWithoutAnOutcomeByItsWatchIsStalledAndRetried() {
        Instant watch = NOW.plus(TIMEOUT).plus(Delivery.WATCH_GRACE);
        fixture.givenCurrentTime(NOW).andGivenCommands(accept(Gate.OPEN))
                .whenTimeAdvancesTo(watch)
                .expectEvents(new DeliveryAttemptStalled(DELIVERY, CONNECTION, 1, NOW, watch),
                        new DeliveryRetryScheduled(DELIVERY, CONNECTION, 2, watch.plusSeconds(5), false));
    }

    @Test
    void theWatchOfAnAttemptThatEndedDoesNothing() {
        fixture.givenCurrentTime(NOW).andGivenCommands(accept(Gate.OPEN), outcome(1, 200, null))
                .whenTimeElapses(Duration.ofMinutes(5)).expectNoEvents();
    }

    @Test
    void anOperatorRedeliversAnythingButAnAttemptInFlight() {
        Instant later = NOW.plusSeconds(300);
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW))
                .when(new RequestAttempt(DELIVERY, AttemptTrigger.REDELIVERY, null, later))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("attempt 1 of delivery dlv-1 is under way; redeliver once it has ended");
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW),
                        new DeliveryAttemptSucceeded(DELIVERY, CONNECTION, 1, 200, NOW, 5, "ok", null))
                .when(new RequestAttempt(DELIVERY, AttemptTrigger.REDELIVERY, null, later))
                .expectEvents(due(2, AttemptTrigger.REDELIVERY, null, later)).expectResultMessagePayload(true);
    }

    @Test
    void aSuccessfulRedeliveryMakesTheScheduledRetryNeedless() {
        Instant retryAt = ENDED.plusSeconds(5);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(accept(Gate.OPEN), outcome(1, 500, null),
                        new RequestAttempt(DELIVERY, AttemptTrigger.REDELIVERY, null, NOW.plusSeconds(2)))
                .when(outcome(2, 200, null))
                .expectEvents(new DeliveryAttemptSucceeded(DELIVERY, CONNECTION, 2, 200, NOW.plusSeconds(1), 200,
                        "answer", retryAt));
    }

    @Test
    void theRetryARedeliveryMadeNeedlessFindsTheDeliveryDelivered() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(accept(Gate.OPEN), outcome(1, 500, null),
                        new RequestAttempt(DELIVERY, AttemptTrigger.REDELIVERY, null, NOW.plusSeconds(2)),
                        outcome(2, 200, null))
                .whenTimeAdvancesTo(ENDED.plusSeconds(6)).expectNoEvents();
    }

    @Test
    void aFailedRedeliveryLeavesTheScheduleGoingOn() {
        Instant retryAt = ENDED.plusSeconds(5);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(accept(Gate.OPEN), outcome(1, 500, null),
                        new RequestAttempt(DELIVERY, AttemptTrigger.REDELIVERY, null, NOW.plusSeconds(2)),
                        outcome(2, 500, null))
                .whenTimeAdvancesTo(retryAt)
                .expectEvents(due(3, AttemptTrigger.SCHEDULE, 2, retryAt));
    }

    @Test
    void aReplayTakesUpFailedAndSkippedDeliveriesOnly() {
        Instant later = NOW.plusSeconds(600);
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW), failed(1, 410),
                        new DeliveryFailed(DELIVERY, CONNECTION, 1, AttemptReason.GONE, false))
                .when(new RequestAttempt(DELIVERY, AttemptTrigger.REPLAY, "job-1", later))
                .expectEvents(new DeliveryAttemptDue(DELIVERY, CONNECTION, 2, AttemptTrigger.REPLAY, null, "job-1",
                        later, later.plus(TIMEOUT).plus(Delivery.WATCH_GRACE)));
        fixture.given(accepted(), new DeliverySkipped(DELIVERY, CONNECTION, 0, Gate.DISABLED))
                .when(new RequestAttempt(DELIVERY, AttemptTrigger.REPLAY, "job-1", later))
                .expectResultMessagePayload(true);
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW),
                        new DeliveryAttemptSucceeded(DELIVERY, CONNECTION, 1, 200, NOW, 5, "ok", null))
                .when(new RequestAttempt(DELIVERY, AttemptTrigger.REPLAY, "job-1", later))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void aReplayJobTakesUpADeliveryOnceEvenWhenItFailsAgain() {
        Instant later = NOW.plusSeconds(600);
        DeliveryAttemptDue replayed = new DeliveryAttemptDue(DELIVERY, CONNECTION, 2, AttemptTrigger.REPLAY, null,
                "job-1", later, later.plus(TIMEOUT).plus(Delivery.WATCH_GRACE));
        fixture.given(accepted(), new DeliverySkipped(DELIVERY, CONNECTION, 0, Gate.DISABLED), replayed,
                        failed(2, 500), new DeliveryFailed(DELIVERY, CONNECTION, 2, AttemptReason.SERVER_ERROR, false))
                .when(new RequestAttempt(DELIVERY, AttemptTrigger.REPLAY, "job-1", later.plusSeconds(1)))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(accepted(), new DeliverySkipped(DELIVERY, CONNECTION, 0, Gate.DISABLED), replayed,
                        failed(2, 500), new DeliveryFailed(DELIVERY, CONNECTION, 2, AttemptReason.SERVER_ERROR, false))
                .when(new RequestAttempt(DELIVERY, AttemptTrigger.REPLAY, "job-2", later.plusSeconds(1)))
                .expectResultMessagePayload(true);
    }

    @Test
    void aClosedGateAtTheAttemptHoldsOrSkipsItAndTheResumeGoesOnWithTheSameStep() {
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW))
                .when(new HoldDelivery(DELIVERY, 1, Gate.DISABLED))
                .expectEvents(new DeliverySkipped(DELIVERY, CONNECTION, 1, Gate.DISABLED));
        Instant resumed = NOW.plusSeconds(900);
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW), failed(1, 500),
                        new DeliveryRetryScheduled(DELIVERY, CONNECTION, 2, NOW, false),
                        due(2, AttemptTrigger.SCHEDULE, 2, NOW), new DeliveryHeld(DELIVERY, CONNECTION, 2))
                .when(new RequestAttempt(DELIVERY, AttemptTrigger.RESUME, null, resumed))
                .expectEvents(due(3, AttemptTrigger.RESUME, 2, resumed));
        fixture.given(accepted(), new DeliveryHeld(DELIVERY, CONNECTION, 0))
                .when(new RequestAttempt(DELIVERY, AttemptTrigger.RESUME, null, resumed))
                .expectEvents(due(1, AttemptTrigger.RESUME, 1, resumed));
        fixture.given(accepted(), due(1, AttemptTrigger.SCHEDULE, 1, NOW))
                .when(new HoldDelivery(DELIVERY, 1, Gate.PAUSED))
                .expectEvents(new DeliveryHeld(DELIVERY, CONNECTION, 1));
    }

    @Test
    void theDefaultScheduleSpreadsRetriesWithinItsJitter() {
        ConnectionDescription svix = connection(Gate.OPEN, RetrySchedule.DEFAULT, false);
        fixture.givenCommands(accept(svix, "h-1")).when(outcome(1, 503, null))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(DeliveryAttemptFailed.class::isInstance),
                        matches(e -> e instanceof DeliveryRetryScheduled r && !r.at().isBefore(ENDED.plusSeconds(4))
                                && !r.at().isAfter(ENDED.plusSeconds(6))),
                        andNoMore())));
    }
}
