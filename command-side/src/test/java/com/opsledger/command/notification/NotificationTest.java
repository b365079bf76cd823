package com.opsledger.command.notification;

import com.opsledger.events.RuleViolation;
import com.opsledger.events.notification.command.AcknowledgeNotification;
import com.opsledger.events.notification.event.NotificationAcknowledged;
import com.opsledger.events.notification.NotificationKind;
import com.opsledger.events.notification.event.NotificationReceived;
import com.opsledger.events.notification.NotificationSeverity;
import com.opsledger.events.notification.command.ReceiveNotification;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class NotificationTest {

    private static final Instant AT = Instant.parse("2026-11-24T07:00:00Z");
    private AggregateTestFixture<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
    }

    private static ReceiveNotification receive(String hash) {
        return new ReceiveNotification("ntf-1", "n-1", NotificationKind.SCHEDULE_FAILED, "scheduler",
                NotificationSeverity.ERROR, "nightly export failed", AT, "{\"job\":\"export\"}", hash);
    }

    private static NotificationReceived received() {
        return new NotificationReceived("ntf-1", "n-1", NotificationKind.SCHEDULE_FAILED, "scheduler",
                NotificationSeverity.ERROR, "nightly export failed", AT, "{\"job\":\"export\"}", "h1");
    }

    @Test
    void aNotificationIsRecorded() {
        fixture.givenNoPriorActivity().when(receive("h1")).expectEvents(received()).expectResultMessagePayload(true);
    }

    @Test
    void theSameNotificationAgainAddsNothing() {
        fixture.given(received()).when(receive("h1")).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void anIdReusedForAnotherNotificationIsRejected() {
        fixture.given(received()).when(receive("h2"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("notification id 'n-1' was already used for a different notification");
    }

    @Test
    void aNotificationIsAcknowledgedOnce() {
        fixture.given(received()).when(new AcknowledgeNotification("ntf-1"))
                .expectEvents(new NotificationAcknowledged("ntf-1")).expectResultMessagePayload(true);
        fixture.given(received(), new NotificationAcknowledged("ntf-1")).when(new AcknowledgeNotification("ntf-1"))
                .expectNoEvents().expectResultMessagePayload(false);
    }
}
