package com.opsledger.command.feedback;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.RuleViolation;
import com.opsledger.events.WireName;
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
import com.opsledger.events.feedback.command.StartFeedbackWork;
import com.opsledger.events.feedback.command.SubmitFeedback;
import com.opsledger.events.feedback.command.TriageFeedback;
import com.opsledger.command.AggregateCaching;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;
import java.util.Set;

import static com.opsledger.events.feedback.FeedbackState.ARCHIVED;
import static com.opsledger.events.feedback.FeedbackState.DONE;
import static com.opsledger.events.feedback.FeedbackState.IN_PROGRESS;
import static com.opsledger.events.feedback.FeedbackState.OPEN;
import static com.opsledger.events.feedback.FeedbackState.TRIAGED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One piece of feedback moving through triage: open → triaged → in_progress → done → archived, with reopen,
 * reclassify, assign and hand-off beside that path. Rules live in the command handlers; state changes only in the
 * event sourcing handlers.
 */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.FEEDBACK)
class Feedback {

    @AggregateIdentifier
    private String feedbackId;
    private FeedbackSubmitted submission;
    private FeedbackState state;
    private Classification classification;
    private boolean classifiedByOperator;
    private String assignee;
    /** The sequence number of the last group decision this member followed; -1 for none. */
    private long lastGroupDecision = -1;

    Feedback() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    /**
     * Records a first submission without looking for an earlier one: a submission id seen before fails to store
     * (the id is taken), and the intake then asks with {@link ResubmitFeedback}. So the common case, a new item,
     * reads nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(SubmitFeedback command) {
        apply(new FeedbackSubmitted(command.feedbackId(), command.submissionId(), command.orgId(),
                command.workspaceId(), command.userId(), command.channel(), command.message(), command.page(),
                command.contextJson(), command.contentHash(), command.classification(), command.classifierVersion(),
                command.fingerprint(), command.groupId(), command.submittedAt()));
    }

    /** The same submission again is answered as first recorded; other content under its id is refused. */
    @CommandHandler
    SubmissionAccepted handle(ResubmitFeedback command) {
        if (!submission.contentHash().equals(command.contentHash())) {
            throw new RuleViolation("submission id '" + command.submissionId()
                    + "' was already used for different feedback");
        }
        return new SubmissionAccepted(feedbackId, submission.groupId(), submission.classification(), false);
    }

    @CommandHandler
    void handle(TriageFeedback command) {
        requireState(TRIAGED, "only open feedback can be triaged", OPEN);
        apply(new FeedbackTriaged(feedbackId, null, null));
    }

    @CommandHandler
    void handle(StartFeedbackWork command) {
        requireState(IN_PROGRESS, "work starts on triaged feedback only", TRIAGED);
        apply(new FeedbackWorkStarted(feedbackId));
    }

    @CommandHandler
    void handle(CompleteFeedback command) {
        requireState(DONE, "only feedback in progress can be completed", IN_PROGRESS);
        apply(new FeedbackCompleted(feedbackId));
    }

    @CommandHandler
    void handle(ArchiveFeedback command) {
        requireState(ARCHIVED, "feedback is archived once done", DONE);
        apply(new FeedbackArchived(feedbackId, null, null));
    }

    @CommandHandler
    void handle(ReopenFeedback command, @MetaDataValue(MetaDataKeys.REASON) String reason) {
        requireReason(reason, "reopening");
        requireState(OPEN, "only done or archived feedback can be reopened", DONE, ARCHIVED);
        apply(new FeedbackReopened(feedbackId, state));
    }

    @CommandHandler
    void handle(ReclassifyFeedback command, @MetaDataValue(MetaDataKeys.REASON) String reason) {
        requireReason(reason, "reclassifying");
        requireNotArchived("reclassified");
        if (classification.sameVerdict(command.classification())) {
            throw new RuleViolation("feedback " + feedbackId + " is already classified that way");
        }
        apply(new FeedbackReclassified(feedbackId, classification, command.classification(), null));
    }

    /**
     * Runs the current classifier over the message again. An operator's classification stands, and done or archived
     * items are history: those are skipped. A new verdict is recorded; so is the same verdict once, when it was made
     * by a classifier that did not yet say why (a probe without findings gains them). Other evidence for the same
     * verdict is no change.
     */
    @CommandHandler
    RerunOutcome handle(RerunClassifier command) {
        if (classifiedByOperator || state == DONE || state == ARCHIVED) {
            return RerunOutcome.SKIPPED;
        }
        Classification current = FeedbackClassifier.classify(submission.message()).classification();
        boolean sameVerdict = current.sameVerdict(classification);
        if (sameVerdict && !(classification.findings().isEmpty() && !current.findings().isEmpty())) {
            return RerunOutcome.UNCHANGED;
        }
        apply(new FeedbackReclassified(feedbackId, classification, current, FeedbackClassifier.VERSION));
        return sameVerdict ? RerunOutcome.EXPLAINED : RerunOutcome.RECLASSIFIED;
    }

    @CommandHandler
    void handle(AssignFeedback command) {
        requireNotArchived("assigned");
        if (command.assignee().equals(assignee)) {
            throw new RuleViolation("feedback " + feedbackId + " is already assigned to " + assignee);
        }
        apply(new FeedbackAssigned(feedbackId, command.assignee()));
    }

    @CommandHandler
    void handle(HandOffFeedback command) {
        if (state != TRIAGED && state != IN_PROGRESS) {
            throw new RuleViolation("feedback " + feedbackId + " is " + WireName.of(state)
                    + "; only triaged or in-progress feedback can be handed off");
        }
        apply(new FeedbackHandedOff(feedbackId, command.destinationTeam(), command.note()));
    }

    /**
     * Answers whether this decision changed this member: an open member follows it; a member that followed it
     * already (the decision applied again after a crash) answers yes and changes nothing; others are left alone.
     */
    @CommandHandler
    boolean handle(ApplyGroupDecision command) {
        if (lastGroupDecision >= command.decisionSequence()) {
            return true;
        }
        if (state != OPEN) {
            return false;
        }
        apply(command.decision() == GroupDecision.TRIAGE
                ? new FeedbackTriaged(feedbackId, command.groupId(), command.decisionSequence())
                : new FeedbackArchived(feedbackId, command.groupId(), command.decisionSequence()));
        return true;
    }

    private void requireState(FeedbackState target, String rule, FeedbackState... allowedFrom) {
        if (!Set.of(allowedFrom).contains(state)) {
            throw new RuleViolation("illegal transition from " + WireName.of(state) + " to " + WireName.of(target)
                    + ": " + rule);
        }
    }

    private void requireReason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(action + " feedback needs a reason");
        }
    }

    private void requireNotArchived(String action) {
        if (state == ARCHIVED) {
            throw new RuleViolation("archived feedback cannot be " + action + "; reopen it first");
        }
    }

    @EventSourcingHandler
    void on(FeedbackSubmitted event) {
        feedbackId = event.feedbackId();
        submission = event;
        classification = event.classification();
        state = OPEN;
    }

    @EventSourcingHandler
    void on(FeedbackTriaged event) {
        state = TRIAGED;
        followed(event.decisionSequence());
    }

    @EventSourcingHandler
    void on(FeedbackWorkStarted event) {
        state = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(FeedbackCompleted event) {
        state = DONE;
    }

    @EventSourcingHandler
    void on(FeedbackArchived event) {
        state = ARCHIVED;
        followed(event.decisionSequence());
    }

    private void followed(Long groupDecision) {
        if (groupDecision != null) {
            lastGroupDecision = Math.max(lastGroupDecision, groupDecision);
        }
    }

    @EventSourcingHandler
    void on(FeedbackReopened event) {
        state = OPEN;
    }

    @EventSourcingHandler
    void on(FeedbackReclassified event) {
        classification = event.classification();
        classifiedByOperator = event.classifierVersion() == null;
    }

    @EventSourcingHandler
    void on(FeedbackAssigned event) {
        assignee = event.assignee();
    }

    @Override
    public String toString() {
        return "Feedback[" + feedbackId + ", " + state + ", assignee=" + Objects.toString(assignee, "none") + "]";
    }
}
