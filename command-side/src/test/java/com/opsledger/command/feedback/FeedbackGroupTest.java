package com.opsledger.command.feedback;

import com.opsledger.events.feedback.command.AddFeedbackToGroup;
import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.command.DecideFeedbackGroup;
import com.opsledger.events.feedback.command.RecordGroupDecisionProgress;
import com.opsledger.events.feedback.event.FeedbackGroupDecisionProgressed;
import com.opsledger.events.feedback.event.FeedbackGroupBurstDetected;
import com.opsledger.events.feedback.event.FeedbackGroupDecided;
import com.opsledger.events.feedback.event.FeedbackGroupMemberAdded;
import com.opsledger.events.feedback.event.FeedbackGroupOpened;
import com.opsledger.events.feedback.GroupDecision;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class FeedbackGroupTest {

    private static final String GROUP = "grp-abc";
    private static final Classification XSS =
            new Classification(List.of(SecurityClass.SCRIPT), SignalCategory.SECURITY_PROBE, Severity.HIGH);
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private AggregateTestFixture<FeedbackGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FeedbackGroup.class);
        fixture.registerInjectableResource(new BurstPolicy(3, WINDOW));
    }

    private static AddFeedbackToGroup add(String feedbackId, Instant at) {
        return new AddFeedbackToGroup(GROUP, "abc", feedbackId, XSS, at);
    }

    @Test
    void theFirstMemberOpensTheGroup() {
        fixture.givenNoPriorActivity()
                .when(add("fb-1", T0))
                .expectEvents(new FeedbackGroupOpened(GROUP, "abc", XSS), new FeedbackGroupMemberAdded(GROUP, "fb-1", 1, T0));
    }

    @Test
    void laterMembersAreCounted() {
        fixture.given(new FeedbackGroupOpened(GROUP, "abc", XSS), new FeedbackGroupMemberAdded(GROUP, "fb-1", 1, T0))
                .when(add("fb-2", T0.plusSeconds(3600)))
                .expectEvents(new FeedbackGroupMemberAdded(GROUP, "fb-2", 2, T0.plusSeconds(3600)));
    }

    @Test
    void addingAMemberTwiceIsANoOp() {
        fixture.given(new FeedbackGroupOpened(GROUP, "abc", XSS), new FeedbackGroupMemberAdded(GROUP, "fb-1", 1, T0))
                .when(add("fb-1", T0.plusSeconds(5)))
                .expectNoEvents();
    }

    @Test
    void theThresholdWithinTheWindowIsABurst() {
        fixture.given(new FeedbackGroupOpened(GROUP, "abc", XSS),
                        new FeedbackGroupMemberAdded(GROUP, "fb-1", 1, T0),
                        new FeedbackGroupMemberAdded(GROUP, "fb-2", 2, T0.plusSeconds(60)))
                .when(add("fb-3", T0.plusSeconds(120)))
                .expectEvents(new FeedbackGroupMemberAdded(GROUP, "fb-3", 3, T0.plusSeconds(120)),
                        new FeedbackGroupBurstDetected(GROUP, 3, WINDOW.toSeconds(), T0.plusSeconds(120)));
    }

    @Test
    void membersSpreadBeyondTheWindowAreNoBurst() {
        fixture.given(new FeedbackGroupOpened(GROUP, "abc", XSS),
                        new FeedbackGroupMemberAdded(GROUP, "fb-1", 1, T0),
                        new FeedbackGroupMemberAdded(GROUP, "fb-2", 2, T0.plus(WINDOW).plusSeconds(1)))
                .when(add("fb-3", T0.plus(WINDOW).plusSeconds(2)))
                .expectEvents(new FeedbackGroupMemberAdded(GROUP, "fb-3", 3, T0.plus(WINDOW).plusSeconds(2)));
    }

    @Test
    void aBurstIsReportedOnce() {
        fixture.given(new FeedbackGroupOpened(GROUP, "abc", XSS),
                        new FeedbackGroupMemberAdded(GROUP, "fb-1", 1, T0),
                        new FeedbackGroupMemberAdded(GROUP, "fb-2", 2, T0),
                        new FeedbackGroupMemberAdded(GROUP, "fb-3", 3, T0),
                        new FeedbackGroupBurstDetected(GROUP, 3, WINDOW.toSeconds(), T0))
                .when(add("fb-4", T0.plusSeconds(1)))
                .expectEvents(new FeedbackGroupMemberAdded(GROUP, "fb-4", 4, T0.plusSeconds(1)));
    }

    @Test
    void aDecisionGoesToEveryMember() {
        fixture.given(new FeedbackGroupOpened(GROUP, "abc", XSS),
                        new FeedbackGroupMemberAdded(GROUP, "fb-1", 1, T0),
                        new FeedbackGroupMemberAdded(GROUP, "fb-2", 2, T0))
                .when(new DecideFeedbackGroup(GROUP, GroupDecision.ARCHIVE_DUPLICATES))
                .expectEvents(new FeedbackGroupDecided(GROUP, GroupDecision.ARCHIVE_DUPLICATES, List.of("fb-1", "fb-2"),
                        true))
                .expectResultMessagePayload(2);
    }

    @Test
    void progressOfADecisionIsRecordedUntilItFinishes() {
        fixture.given(new FeedbackGroupOpened(GROUP, "abc", XSS),
                        new FeedbackGroupMemberAdded(GROUP, "fb-1", 1, T0),
                        new FeedbackGroupDecided(GROUP, GroupDecision.TRIAGE, List.of("fb-1"), true))
                .when(new RecordGroupDecisionProgress(GROUP, 2, 1, 0, true))
                .expectEvents(new FeedbackGroupDecisionProgressed(GROUP, 2, 1, 0, true));
    }

    @Test
    void aFinishedDecisionRecordsNoFurtherProgress() {
        // The fan-out ran again after a crash that came after its last report.
        fixture.given(new FeedbackGroupOpened(GROUP, "abc", XSS),
                        new FeedbackGroupMemberAdded(GROUP, "fb-1", 1, T0),
                        new FeedbackGroupDecided(GROUP, GroupDecision.TRIAGE, List.of("fb-1"), true),
                        new FeedbackGroupDecisionProgressed(GROUP, 2, 1, 0, true))
                .when(new RecordGroupDecisionProgress(GROUP, 2, 1, 0, true))
                .expectNoEvents();
    }
}
