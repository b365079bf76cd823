package com.opsledger.command.runtime;

import com.opsledger.events.runtime.RuntimeKind;
import com.opsledger.events.runtime.RuntimeStatus;
import com.opsledger.events.runtime.command.ReportRuntimeStatus;
import com.opsledger.events.runtime.event.RuntimeStatusChanged;
import com.opsledger.events.runtime.event.RuntimeStatusConfirmed;
import com.opsledger.events.runtime.event.RuntimeTaskReported;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class RuntimeTaskTest {

    private static final String JOB = "job-1";
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    private AggregateTestFixture<RuntimeTask> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RuntimeTask.class);
    }

    private static ReportRuntimeStatus report(RuntimeStatus status, String worker, Instant at) {
        return new ReportRuntimeStatus(JOB, RuntimeKind.JOB, "j-1", "org-1", "ws-1", worker, "con-1", status, at,
                null);
    }

    private static RuntimeTaskReported queued() {
        return new RuntimeTaskReported(JOB, RuntimeKind.JOB, "j-1", "org-1", "ws-1", "w-1", "con-1",
                RuntimeStatus.QUEUED, NOW, null);
    }

    @Test
    void theFirstReportRecordsTheJobAndANewerOneItsChange() {
        fixture.givenNoPriorActivity().when(report(RuntimeStatus.QUEUED, "w-1", NOW))
                .expectEvents(queued()).expectResultMessagePayload(true);
        fixture.given(queued()).when(report(RuntimeStatus.RUNNING, "w-2", NOW.plusSeconds(5)))
                .expectEvents(new RuntimeStatusChanged(JOB, RuntimeKind.JOB, RuntimeStatus.QUEUED,
                        RuntimeStatus.RUNNING, "w-2", NOW.plusSeconds(5), null));
    }

    @Test
    void anOlderReportChangesNothing() {
        fixture.given(queued()).when(report(RuntimeStatus.RUNNING, "w-1", NOW.minusSeconds(1)))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(queued()).when(report(RuntimeStatus.QUEUED, "w-1", NOW))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    /** The same status observed later is kept as the newest observation: a report observed before it is stale. */
    @Test
    void aRepeatedReportIsTheNewestObservationAndOutranksAnOlderOneArrivingLater() {
        fixture.given(queued()).when(report(RuntimeStatus.QUEUED, "w-1", NOW.plusSeconds(90)))
                .expectEvents(new RuntimeStatusConfirmed(JOB, NOW.plusSeconds(90))).expectResultMessagePayload(false);
        fixture.given(queued(), new RuntimeStatusConfirmed(JOB, NOW.plusSeconds(90)))
                .when(report(RuntimeStatus.RUNNING, "w-1", NOW.plusSeconds(50)))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void aFinalStatusStays() {
        RuntimeStatusChanged timedOut = new RuntimeStatusChanged(JOB, RuntimeKind.JOB, RuntimeStatus.QUEUED,
                RuntimeStatus.TIMED_OUT, "w-1", NOW.plusSeconds(60), "no heartbeat");
        fixture.given(queued(), timedOut).when(report(RuntimeStatus.RUNNING, "w-1", NOW.plusSeconds(90)))
                .expectNoEvents().expectResultMessagePayload(false);
    }
}
