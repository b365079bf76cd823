package com.opsledger.command.feedback;

import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.RuleViolation;
import com.opsledger.events.feedback.command.ApplyGroupDecision;
import com.opsledger.events.feedback.command.ArchiveFeedback;
import com.opsledger.events.feedback.command.AssignFeedback;
import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.command.CompleteFeedback;
import com.opsledger.events.feedback.event.FeedbackArchived;
import com.opsledger.events.feedback.event.FeedbackAssigned;
import com.opsledger.events.feedback.event.FeedbackCompleted;
import com.opsledger.events.feedback.event.FeedbackHandedOff;
import com.opsledger.events.feedback.event.FeedbackReclassified;
import com.opsledger.events.feedback.event.FeedbackReopened;
import com.opsledger.events.feedback.FeedbackState;
import com.opsledger.events.feedback.event.FeedbackSubmitted;
import com.opsledger.events.feedback.event.FeedbackTriaged;
import com.opsledger.events.feedback.event.FeedbackWorkStarted;
import com.opsledger.events.feedback.GroupDecision;
import com.opsledger.events.feedback.command.HandOffFeedback;
import com.opsledger.events.feedback.command.ReclassifyFeedback;
import com.opsledger.events.feedback.command.ReopenFeedback;
import com.opsledger.events.feedback.command.ResubmitFeedback;
import com.opsledger.events.feedback.command.RerunClassifier;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;
import com.opsledger.events.feedback.command.StartFeedbackWork;
import com.opsledger.events.feedback.command.SubmitFeedback;
import com.opsledger.events.feedback.command.TriageFeedback;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackTest {

    private static final String ID = "fb-1";
    private static final Classification PROBE =
            new Classification(List.of(SecurityClass.SQL), SignalCategory.SECURITY_PROBE, Severity.CRITICAL);
    private static final Classification PRODUCT =
            new Classification(List.of(), SignalCategory.PRODUCT_SIGNAL, Severity.LOW);
    private static final MetaData REGRESSION = MetaData.with(MetaDataKeys.REASON, "regression in 2.3");

    private AggregateTestFixture<Feedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
    }

    private static SubmitFeedback submit(String hash) {
        return new SubmitFeedback(ID, "sub-1", "org-1", "ws-1", "user-1", "web", "' OR 1=1 --", "/settings", null,
                hash, PROBE, "1", "fp", "grp-fp", Instant.parse("2026-11-24T08:00:00Z"));
    }

    private static FeedbackSubmitted submitted() {
        return submittedAs(PROBE);
    }

    /** The item as an older classifier recorded it. */
    private static FeedbackSubmitted submittedAs(Classification classification) {
        SubmitFeedback c = submit("hash-1");
        return new FeedbackSubmitted(c.feedbackId(), c.submissionId(), c.orgId(), c.workspaceId(), c.userId(),
                c.channel(), c.message(), c.page(), c.contextJson(), c.contentHash(), classification,
                c.classifierVersion(), c.fingerprint(), c.groupId(), c.submittedAt());
    }

    /** The events that bring a new item to the given state along the main path. */
    private static List<Object> historyTo(FeedbackState state) {
        List<Object> events = new ArrayList<>(List.of(submitted()));
        List<Object> path = List.of(new FeedbackTriaged(ID, null, null), new FeedbackWorkStarted(ID),
                new FeedbackCompleted(ID), new FeedbackArchived(ID, null, null));
        events.addAll(path.subList(0, state.ordinal()));
        return events;
    }

    @Test
    void submissionRecordsTheClassifiedFeedback() {
        fixture.givenNoPriorActivity()
                .when(submit("hash-1"))
                .expectEvents(submitted());
    }

    @Test
    void resubmittingTheSameFeedbackAddsNoEventAndAnswersAsFirstRecorded() {
        // Recorded by an older classifier: the answer is the classification recorded then, not today's.
        Classification older = new Classification(List.of(), SignalCategory.PRODUCT_SIGNAL, Severity.LOW);
        fixture.given(submittedAs(older))
                .when(new ResubmitFeedback(ID, "sub-1", "hash-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new SubmissionAccepted(ID, "grp-fp", older, false));
    }

    @Test
    void reusingASubmissionIdForOtherContentIsRejected() {
        fixture.given(submitted())
                .when(new ResubmitFeedback(ID, "sub-1", "hash-2"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("submission id 'sub-1' was already used for different feedback");
    }

    @Test
    void openFeedbackIsTriaged() {
        fixture.given(historyTo(FeedbackState.OPEN)).when(new TriageFeedback(ID))
                .expectEvents(new FeedbackTriaged(ID, null, null));
    }

    @Test
    void triagedFeedbackIsStarted() {
        fixture.given(historyTo(FeedbackState.TRIAGED)).when(new StartFeedbackWork(ID))
                .expectEvents(new FeedbackWorkStarted(ID));
    }

    @Test
    void feedbackInProgressIsCompleted() {
        fixture.given(historyTo(FeedbackState.IN_PROGRESS)).when(new CompleteFeedback(ID))
                .expectEvents(new FeedbackCompleted(ID));
    }

    @Test
    void doneFeedbackIsArchived() {
        fixture.given(historyTo(FeedbackState.DONE)).when(new ArchiveFeedback(ID))
                .expectEvents(new FeedbackArchived(ID, null, null));
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"DONE", "ARCHIVED"})
    void doneOrArchivedFeedbackIsReopenedWithAReason(FeedbackState from) {
        fixture.given(historyTo(from)).when(new ReopenFeedback(ID), REGRESSION)
                .expectEvents(new FeedbackReopened(ID, from));
    }

    @Test
    void reopenedFeedbackStartsOverAtTriage() {
        List<Object> history = historyTo(FeedbackState.DONE);
        history.add(new FeedbackReopened(ID, FeedbackState.DONE));
        fixture.given(history).when(new TriageFeedback(ID)).expectEvents(new FeedbackTriaged(ID, null, null));
    }

    @Test
    void reopeningWithoutAReasonIsRejected() {
        fixture.given(historyTo(FeedbackState.DONE)).when(new ReopenFeedback(ID))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("reopening feedback needs a reason");
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"OPEN", "TRIAGED", "IN_PROGRESS"})
    void onlyDoneOrArchivedFeedbackIsReopened(FeedbackState from) {
        fixture.given(historyTo(from)).when(new ReopenFeedback(ID), REGRESSION)
                .expectException(RuleViolation.class)
                .expectExceptionMessage("illegal transition from " + from.name().toLowerCase() + " to open: "
                        + "only done or archived feedback can be reopened");
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"TRIAGED", "IN_PROGRESS", "DONE", "ARCHIVED"})
    void onlyOpenFeedbackIsTriaged(FeedbackState from) {
        fixture.given(historyTo(from)).when(new TriageFeedback(ID))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("illegal transition from " + from.name().toLowerCase()
                        + " to triaged: only open feedback can be triaged");
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"OPEN", "IN_PROGRESS", "DONE", "ARCHIVED"})
    void onlyTriagedFeedbackIsStarted(FeedbackState from) {
        fixture.given(historyTo(from)).when(new StartFeedbackWork(ID))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("illegal transition from " + from.name().toLowerCase()
                        + " to in_progress: work starts on triaged feedback only");
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"OPEN", "TRIAGED", "DONE", "ARCHIVED"})
    void onlyFeedbackInProgressIsCompleted(FeedbackState from) {
        fixture.given(historyTo(from)).when(new CompleteFeedback(ID))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("illegal transition from " + from.name().toLowerCase()
                        + " to done: only feedback in progress can be completed");
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"OPEN", "TRIAGED", "IN_PROGRESS", "ARCHIVED"})
    void onlyDoneFeedbackIsArchived(FeedbackState from) {
        fixture.given(historyTo(from)).when(new ArchiveFeedback(ID))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("illegal transition from " + from.name().toLowerCase()
                        + " to archived: feedback is archived once done");
    }

    @Test
    void reclassifyingRecordsThePreviousAndTheNewClassification() {
        fixture.given(historyTo(FeedbackState.TRIAGED))
                .when(new ReclassifyFeedback(ID, PRODUCT), MetaData.with(MetaDataKeys.REASON, "a real question"))
                .expectEvents(new FeedbackReclassified(ID, PROBE, PRODUCT, null));
    }

    @Test
    void rerunningTheClassifierRecordsWhatTheCurrentRulesSayWithTheirVersion() {
        Classification current = FeedbackClassifier.classify("' OR 1=1 --").classification();
        fixture.given(submittedAs(PRODUCT), new FeedbackTriaged(ID, null, null))
                .when(new RerunClassifier(ID))
                .expectEvents(new FeedbackReclassified(ID, PRODUCT, current, FeedbackClassifier.VERSION))
                .expectResultMessagePayload(RerunOutcome.RECLASSIFIED);
        assertThat(current.findings()).as("the evidence travels with the verdict")
                .isNotEmpty().allSatisfy(f -> assertThat(f.rule()).startsWith("sql."));
    }

    @Test
    void rerunningTheClassifierChangesNothingWhenItsVerdictAndExplanationStand() {
        Classification current = FeedbackClassifier.classify("' OR 1=1 --").classification();
        fixture.given(submittedAs(current)).when(new RerunClassifier(ID))
                .expectNoEvents().expectResultMessagePayload(RerunOutcome.UNCHANGED);
    }

    @Test
    void rerunningTheClassifierExplainsAVerdictAnOlderVersionMadeWithoutFindings() {
        Classification current = FeedbackClassifier.classify("' OR 1=1 --").classification();
        assertThat(current.sameVerdict(PROBE)).as("the same verdict as version 1").isTrue();
        fixture.given(historyTo(FeedbackState.OPEN)).when(new RerunClassifier(ID))
                .expectEvents(new FeedbackReclassified(ID, PROBE, current, FeedbackClassifier.VERSION))
                .expectResultMessagePayload(RerunOutcome.EXPLAINED);
    }

    @Test
    void rerunningTheClassifierLeavesAnOperatorsClassificationStanding() {
        fixture.given(submittedAs(PROBE), new FeedbackReclassified(ID, PROBE, PRODUCT, null))
                .when(new RerunClassifier(ID))
                .expectNoEvents().expectResultMessagePayload(RerunOutcome.SKIPPED);
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"DONE", "ARCHIVED"})
    void rerunningTheClassifierLeavesClosedItemsAsTheyWere(FeedbackState state) {
        List<Object> history = historyTo(state);
        history.set(0, submittedAs(PRODUCT));
        fixture.given(history).when(new RerunClassifier(ID))
                .expectNoEvents().expectResultMessagePayload(RerunOutcome.SKIPPED);
    }

    @Test
    void reclassifyingWithoutAReasonIsRejected() {
        fixture.given(historyTo(FeedbackState.OPEN)).when(new ReclassifyFeedback(ID, PRODUCT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("reclassifying feedback needs a reason");
    }

    @Test
    void reclassifyingToTheSameClassificationIsRejected() {
        fixture.given(historyTo(FeedbackState.OPEN)).when(new ReclassifyFeedback(ID, PROBE), REGRESSION)
                .expectException(RuleViolation.class)
                .expectExceptionMessage("feedback fb-1 is already classified that way");
    }

    @Test
    void archivedFeedbackIsNotReclassified() {
        fixture.given(historyTo(FeedbackState.ARCHIVED)).when(new ReclassifyFeedback(ID, PRODUCT), REGRESSION)
                .expectException(RuleViolation.class)
                .expectExceptionMessage("archived feedback cannot be reclassified; reopen it first");
    }

    @Test
    void feedbackIsAssignedToAnOperator() {
        fixture.given(historyTo(FeedbackState.OPEN)).when(new AssignFeedback(ID, "alice"))
                .expectEvents(new FeedbackAssigned(ID, "alice"));
    }

    @Test
    void assigningToTheCurrentAssigneeIsRejected() {
        List<Object> history = historyTo(FeedbackState.TRIAGED);
        history.add(new FeedbackAssigned(ID, "alice"));
        fixture.given(history).when(new AssignFeedback(ID, "alice"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("feedback fb-1 is already assigned to alice");
    }

    @Test
    void archivedFeedbackIsNotAssigned() {
        fixture.given(historyTo(FeedbackState.ARCHIVED)).when(new AssignFeedback(ID, "alice"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("archived feedback cannot be assigned; reopen it first");
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"TRIAGED", "IN_PROGRESS"})
    void triagedOrStartedFeedbackIsHandedOff(FeedbackState from) {
        fixture.given(historyTo(from)).when(new HandOffFeedback(ID, "payments", "double charge, see logs"))
                .expectEvents(new FeedbackHandedOff(ID, "payments", "double charge, see logs"));
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"OPEN", "DONE", "ARCHIVED"})
    void handOffIsRejectedOutsideTriageAndWork(FeedbackState from) {
        fixture.given(historyTo(from)).when(new HandOffFeedback(ID, "payments", "note"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("feedback fb-1 is " + from.name().toLowerCase()
                        + "; only triaged or in-progress feedback can be handed off");
    }

    @Test
    void aGroupTriageDecisionTriagesAnOpenMember() {
        fixture.given(historyTo(FeedbackState.OPEN))
                .when(new ApplyGroupDecision(ID, "grp-fp", 7, GroupDecision.TRIAGE))
                .expectEvents(new FeedbackTriaged(ID, "grp-fp", 7L))
                .expectResultMessagePayload(true);
    }

    @Test
    void aGroupArchiveDecisionArchivesAnOpenMemberAsDuplicate() {
        fixture.given(historyTo(FeedbackState.OPEN))
                .when(new ApplyGroupDecision(ID, "grp-fp", 7, GroupDecision.ARCHIVE_DUPLICATES))
                .expectEvents(new FeedbackArchived(ID, "grp-fp", 7L))
                .expectResultMessagePayload(true);
    }

    @Test
    void aDecisionAppliedAgainChangesNothingEvenWhenTheMemberIsOpenAgain() {
        // Archived by decision 7, reopened by an operator, then decision 7 arrives again after a crash.
        fixture.given(submitted(), new FeedbackArchived(ID, "grp-fp", 7L), new FeedbackReopened(ID, FeedbackState.ARCHIVED))
                .when(new ApplyGroupDecision(ID, "grp-fp", 7, GroupDecision.ARCHIVE_DUPLICATES))
                .expectNoEvents()
                .expectResultMessagePayload(true);
    }

    @Test
    void aLaterDecisionOfTheGroupStillApplies() {
        fixture.given(submitted(), new FeedbackArchived(ID, "grp-fp", 7L), new FeedbackReopened(ID, FeedbackState.ARCHIVED))
                .when(new ApplyGroupDecision(ID, "grp-fp", 9, GroupDecision.TRIAGE))
                .expectEvents(new FeedbackTriaged(ID, "grp-fp", 9L))
                .expectResultMessagePayload(true);
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackState.class, names = {"TRIAGED", "IN_PROGRESS", "DONE", "ARCHIVED"})
    void aGroupDecisionLeavesMembersThatAreNoLongerOpen(FeedbackState from) {
        fixture.given(historyTo(from))
                .when(new ApplyGroupDecision(ID, "grp-fp", 7, GroupDecision.ARCHIVE_DUPLICATES))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }
}
