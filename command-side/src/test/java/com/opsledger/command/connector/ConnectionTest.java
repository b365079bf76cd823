package com.opsledger.command.connector;

import com.opsledger.events.RuleViolation;
import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.ConnectionDescription;
import com.opsledger.events.connector.ConnectionDescription.Gate;
import com.opsledger.events.connector.ConnectionStatus;
import com.opsledger.events.connector.EndpointDisabledCause;
import com.opsledger.events.connector.RetrySchedule;
import com.opsledger.events.connector.SecretKind;
import com.opsledger.events.connector.VerificationScheme;
import com.opsledger.events.connector.command.DescribeConnection;
import com.opsledger.events.connector.command.PauseDelivery;
import com.opsledger.events.connector.command.ReEnableEndpoint;
import com.opsledger.events.connector.command.RecordEndpointResult;
import com.opsledger.events.connector.command.RegisterConnection;
import com.opsledger.events.connector.command.ReportConnectionStatus;
import com.opsledger.events.connector.command.ResumeDelivery;
import com.opsledger.events.connector.command.RotateConnectionSecret;
import com.opsledger.events.connector.event.ConnectionDeliveryPaused;
import com.opsledger.events.connector.event.ConnectionDeliveryResumed;
import com.opsledger.events.connector.event.ConnectionRegistered;
import com.opsledger.events.connector.event.ConnectionSecretRotated;
import com.opsledger.events.connector.event.ConnectionStatusChanged;
import com.opsledger.events.connector.event.ConnectionStatusConfirmed;
import com.opsledger.events.connector.event.EndpointDisabled;
import com.opsledger.events.connector.event.EndpointFailing;
import com.opsledger.events.connector.event.EndpointReEnabled;
import com.opsledger.events.connector.event.EndpointStallCleared;
import com.opsledger.events.connector.event.EndpointStalled;
import com.opsledger.events.connector.event.EndpointRecovered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class ConnectionTest {

    private static final String CONNECTION = "con-1";
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration DISABLE_AFTER = Duration.ofDays(5);

    private AggregateTestFixture<Connection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Connection.class);
    }

    private static RegisterConnection register(VerificationScheme scheme, String inbound, String hash) {
        return new RegisterConnection(CONNECTION, "conn-7", "github", "org-1", "ws-1", "http://worker.local/hook",
                scheme, inbound, "sealed-signing", RetrySchedule.DEFAULT, false, TIMEOUT, hash);
    }

    private static ConnectionRegistered registered() {
        return new ConnectionRegistered(CONNECTION, "conn-7", "github", "org-1", "ws-1", "http://worker.local/hook",
                VerificationScheme.GITHUB, "sealed-inbound", "sealed-signing", RetrySchedule.DEFAULT, false, TIMEOUT,
                "h-1");
    }

    private static ConnectionDescription described(List<String> inbound, List<String> signing, Gate gate) {
        return new ConnectionDescription(CONNECTION, "github", "org-1", "ws-1", "http://worker.local/hook",
                VerificationScheme.GITHUB, inbound, signing, RetrySchedule.DEFAULT, false, TIMEOUT, gate);
    }

    private static RecordEndpointResult result(AttemptReason reason, Instant at) {
        return new RecordEndpointResult(CONNECTION, "dlv-1", 1, reason, at, DISABLE_AFTER);
    }

    @Test
    void aConnectionIsRegisteredOnceAndARepeatAnswersItsSigningSecret() {
        fixture.givenNoPriorActivity().when(register(VerificationScheme.GITHUB, "sealed-inbound", "h-1"))
                .expectEvents(registered())
                .expectResultMessagePayload(new Connection.Registered(true, "sealed-signing"));
        fixture.given(registered())
                .when(new RegisterConnection(CONNECTION, "conn-7", "github", "org-1", "ws-1",
                        "http://worker.local/hook", VerificationScheme.GITHUB, "sealed-inbound", "sealed-new",
                        RetrySchedule.DEFAULT, false, TIMEOUT, "h-1"))
                .expectNoEvents().expectResultMessagePayload(new Connection.Registered(false, "sealed-signing"));
        fixture.given(registered()).when(register(VerificationScheme.GITHUB, "sealed-inbound", "h-2"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("connection 'conn-7' is registered already, with other details");
    }

    @Test
    void aSignedSchemeNeedsAnInboundSecretAndAnUnsignedOneHasNone() {
        fixture.givenNoPriorActivity().when(register(VerificationScheme.STRIPE, null, "h-1"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a connection whose webhooks are signed (stripe) needs its inbound secret");
        fixture.givenNoPriorActivity().when(register(VerificationScheme.NONE, "sealed-inbound", "h-1"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a connection whose webhooks are not signed has no inbound secret");
    }

    @Test
    void theGateIsOpenPausedDisabledOrRevoked() {
        List<String> inbound = List.of("sealed-inbound");
        List<String> signing = List.of("sealed-signing");
        fixture.given(registered()).when(new DescribeConnection(CONNECTION, NOW))
                .expectNoEvents().expectResultMessagePayload(described(inbound, signing, Gate.OPEN));
        fixture.given(registered(), new ConnectionDeliveryPaused(CONNECTION))
                .when(new DescribeConnection(CONNECTION, NOW))
                .expectResultMessagePayload(described(inbound, signing, Gate.PAUSED));
        fixture.given(registered(), new ConnectionDeliveryPaused(CONNECTION),
                        new EndpointDisabled(CONNECTION, EndpointDisabledCause.GONE, "dlv-1", null, NOW))
                .when(new DescribeConnection(CONNECTION, NOW))
                .expectResultMessagePayload(described(inbound, signing, Gate.DISABLED));
        fixture.given(registered(), new ConnectionStatusChanged(CONNECTION, ConnectionStatus.CONNECTED,
                        ConnectionStatus.REVOKED, NOW))
                .when(new DescribeConnection(CONNECTION, NOW))
                .expectResultMessagePayload(described(inbound, signing, Gate.REVOKED));
    }

    @Test
    void duringARotationBothSecretsAreLiveAndAfterItOnlyTheNewOne() {
        Instant until = NOW.plus(Duration.ofHours(24));
        ConnectionSecretRotated rotated = new ConnectionSecretRotated(CONNECTION, SecretKind.INBOUND, "sealed-new",
                until, NOW);
        fixture.given(registered())
                .when(new RotateConnectionSecret(CONNECTION, SecretKind.INBOUND, "sealed-new", until, NOW))
                .expectEvents(rotated);
        fixture.given(registered(), rotated).when(new DescribeConnection(CONNECTION, until.minusSeconds(1)))
                .expectResultMessagePayload(described(List.of("sealed-new", "sealed-inbound"),
                        List.of("sealed-signing"), Gate.OPEN));
        fixture.given(registered(), rotated).when(new DescribeConnection(CONNECTION, until))
                .expectResultMessagePayload(described(List.of("sealed-new"), List.of("sealed-signing"), Gate.OPEN));
        ConnectionSecretRotated signing = new ConnectionSecretRotated(CONNECTION, SecretKind.SIGNING, "sealed-s2",
                until, NOW);
        fixture.given(registered(), signing).when(new DescribeConnection(CONNECTION, NOW))
                .expectResultMessagePayload(described(List.of("sealed-inbound"),
                        List.of("sealed-s2", "sealed-signing"), Gate.OPEN));
    }

    @Test
    void aRotationOverlapsAtMostThirtyDaysAndAnUnsignedConnectionHasNoInboundSecretToRotate() {
        fixture.given(registered())
                .when(new RotateConnectionSecret(CONNECTION, SecretKind.INBOUND, "sealed-new",
                        NOW.plus(Duration.ofDays(31)), NOW))
                .expectException(RuleViolation.class);
        fixture.given(new ConnectionRegistered(CONNECTION, "conn-7", "github", "org-1", "ws-1",
                        "http://worker.local/hook", VerificationScheme.NONE, null, "sealed-signing",
                        RetrySchedule.DEFAULT, false, TIMEOUT, "h-1"))
                .when(new RotateConnectionSecret(CONNECTION, SecretKind.INBOUND, "sealed-new", NOW, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("connection con-1 verifies no signatures, so it has no inbound secret to"
                        + " rotate");
    }

    @Test
    void theEndpointFailsSinceItsFirstFailureAndRecoversAtTheNextSuccess() {
        fixture.given(registered()).when(result(AttemptReason.SERVER_ERROR, NOW))
                .expectEvents(new EndpointFailing(CONNECTION, "dlv-1", AttemptReason.SERVER_ERROR, NOW));
        EndpointFailing failing = new EndpointFailing(CONNECTION, "dlv-1", AttemptReason.TIMEOUT, NOW);
        fixture.given(registered(), failing).when(result(AttemptReason.SERVER_ERROR, NOW.plus(Duration.ofDays(1))))
                .expectNoEvents();
        fixture.given(registered(), failing).when(result(AttemptReason.DELIVERED, NOW.plusSeconds(60)))
                .expectEvents(new EndpointRecovered(CONNECTION, "dlv-1", NOW, NOW.plusSeconds(60)));
        fixture.given(registered()).when(result(AttemptReason.DELIVERED, NOW)).expectNoEvents();
    }

    @Test
    void anAttemptWithoutAnOutcomeStallsTheEndpointUntilItDeliversAgain() {
        fixture.given(registered()).when(result(AttemptReason.NO_OUTCOME, NOW))
                .expectEvents(new EndpointStalled(CONNECTION, "dlv-1", 1, NOW),
                        new EndpointFailing(CONNECTION, "dlv-1", AttemptReason.NO_OUTCOME, NOW));
        EndpointStalled stalled = new EndpointStalled(CONNECTION, "dlv-1", 1, NOW);
        EndpointFailing failing = new EndpointFailing(CONNECTION, "dlv-1", AttemptReason.NO_OUTCOME, NOW);
        fixture.given(registered(), stalled, failing).when(result(AttemptReason.NO_OUTCOME, NOW.plusSeconds(60)))
                .expectNoEvents();
        fixture.given(registered(), stalled, failing).when(result(AttemptReason.DELIVERED, NOW.plusSeconds(90)))
                .expectEvents(new EndpointRecovered(CONNECTION, "dlv-1", NOW, NOW.plusSeconds(90)),
                        new EndpointStallCleared(CONNECTION, "dlv-1", NOW, NOW.plusSeconds(90)));
    }

    @Test
    void anEndpointFailingForTheDisableTimeOrAnswering410IsDisabled() {
        EndpointFailing failing = new EndpointFailing(CONNECTION, "dlv-1", AttemptReason.TIMEOUT, NOW);
        Instant fiveDays = NOW.plus(DISABLE_AFTER);
        fixture.given(registered(), failing).when(result(AttemptReason.CONNECTION_REFUSED, fiveDays))
                .expectEvents(new EndpointDisabled(CONNECTION, EndpointDisabledCause.CONTINUOUS_FAILURE, "dlv-1", NOW,
                        fiveDays));
        fixture.given(registered()).when(result(AttemptReason.GONE, NOW))
                .expectEvents(new EndpointDisabled(CONNECTION, EndpointDisabledCause.GONE, "dlv-1", null, NOW));
        fixture.given(registered(), new EndpointDisabled(CONNECTION, EndpointDisabledCause.GONE, "dlv-1", null, NOW))
                .when(result(AttemptReason.GONE, NOW.plusSeconds(1))).expectNoEvents();
    }

    @Test
    void aDisabledEndpointIsReEnabledWithItsFailuresForgotten() {
        EndpointDisabled disabled = new EndpointDisabled(CONNECTION, EndpointDisabledCause.CONTINUOUS_FAILURE,
                "dlv-1", NOW, NOW.plus(DISABLE_AFTER));
        fixture.given(registered(), new EndpointFailing(CONNECTION, "dlv-1", AttemptReason.TIMEOUT, NOW), disabled)
                .when(new ReEnableEndpoint(CONNECTION)).expectEvents(new EndpointReEnabled(CONNECTION));
        Instant later = NOW.plus(Duration.ofDays(6));
        fixture.given(registered(), new EndpointFailing(CONNECTION, "dlv-1", AttemptReason.TIMEOUT, NOW), disabled,
                        new EndpointReEnabled(CONNECTION))
                .when(result(AttemptReason.TIMEOUT, later))
                .expectEvents(new EndpointFailing(CONNECTION, "dlv-1", AttemptReason.TIMEOUT, later));
        fixture.given(registered()).when(new ReEnableEndpoint(CONNECTION))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the endpoint of connection con-1 is not disabled");
    }

    @Test
    void pauseAndResumeEachHappenOnce() {
        fixture.given(registered()).when(new PauseDelivery(CONNECTION))
                .expectEvents(new ConnectionDeliveryPaused(CONNECTION));
        fixture.given(registered(), new ConnectionDeliveryPaused(CONNECTION)).when(new PauseDelivery(CONNECTION))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("delivery of connection con-1 is paused already");
        fixture.given(registered(), new ConnectionDeliveryPaused(CONNECTION)).when(new ResumeDelivery(CONNECTION))
                .expectEvents(new ConnectionDeliveryResumed(CONNECTION));
        fixture.given(registered()).when(new ResumeDelivery(CONNECTION))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("delivery of connection con-1 is not paused");
    }

    @Test
    void anOlderStatusReportIsIgnoredAndARevokedConnectionStaysRevoked() {
        ConnectionStatusChanged degraded = new ConnectionStatusChanged(CONNECTION, ConnectionStatus.CONNECTED,
                ConnectionStatus.DEGRADED, NOW);
        fixture.given(registered())
                .when(new ReportConnectionStatus(CONNECTION, ConnectionStatus.DEGRADED, NOW))
                .expectEvents(degraded).expectResultMessagePayload(true);
        fixture.given(registered(), degraded)
                .when(new ReportConnectionStatus(CONNECTION, ConnectionStatus.DISCONNECTED, NOW.minusSeconds(1)))
                .expectNoEvents().expectResultMessagePayload(false);
        ConnectionStatusConfirmed stillDegraded = new ConnectionStatusConfirmed(CONNECTION, NOW.plusSeconds(30));
        fixture.given(registered(), degraded)
                .when(new ReportConnectionStatus(CONNECTION, ConnectionStatus.DEGRADED, NOW.plusSeconds(30)))
                .expectEvents(stillDegraded).expectResultMessagePayload(false);
        fixture.given(registered(), degraded, stillDegraded)
                .when(new ReportConnectionStatus(CONNECTION, ConnectionStatus.CONNECTED, NOW.plusSeconds(15)))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(registered(), new ConnectionStatusChanged(CONNECTION, ConnectionStatus.CONNECTED,
                        ConnectionStatus.REVOKED, NOW))
                .when(new ReportConnectionStatus(CONNECTION, ConnectionStatus.CONNECTED, NOW.plusSeconds(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("connection con-1 was revoked and stays so; register a new one");
    }
}
