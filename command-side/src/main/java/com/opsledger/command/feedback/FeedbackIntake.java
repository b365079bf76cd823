package com.opsledger.command.feedback;

import com.opsledger.command.CommandSender;
import com.opsledger.command.ContentHash;
import com.opsledger.events.feedback.FeedbackIds;
import com.opsledger.events.feedback.command.AddFeedbackToGroup;
import com.opsledger.events.feedback.command.ResubmitFeedback;
import com.opsledger.events.feedback.command.SubmitFeedback;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Takes feedback in from the platform: classifies it, records it once per submission id and counts it into its
 * duplicate group, both in one transaction. A submission id seen before fails to be recorded again and is then
 * answered as first recorded; two first submissions racing on two nodes end the same way for the later one.
 */
@Service
class FeedbackIntake {

    /** What the platform submits; {@code contextJson} is the optional context object as compact JSON. */
    record Submission(String submissionId, String orgId, String workspaceId, String userId, String channel,
                      String message, String page, String contextJson) {
    }

    private final CommandSender commands;
    private final Clock clock;

    FeedbackIntake(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    SubmissionAccepted submit(Submission s) {
        FeedbackClassifier.ClassifiedText classified = FeedbackClassifier.classify(s.message());
        String feedbackId = FeedbackIds.forSubmission(s.submissionId());
        String groupId = FeedbackIds.groupFor(classified.fingerprint());
        String contentHash = ContentHash.of(s.orgId(), s.workspaceId(), s.userId(), s.channel(), s.message(),
                s.page(), s.contextJson());
        SubmitFeedback submit = new SubmitFeedback(feedbackId, s.submissionId(), s.orgId(), s.workspaceId(),
                s.userId(), s.channel(), s.message(), s.page(), s.contextJson(), contentHash,
                classified.classification(), FeedbackClassifier.VERSION, classified.fingerprint(), groupId,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            return commands.inOneTransaction(() -> {
                commands.send(submit);
                commands.send(new AddFeedbackToGroup(groupId, classified.fingerprint(), feedbackId,
                        classified.classification(), submit.submittedAt()));
                return new SubmissionAccepted(feedbackId, groupId, classified.classification(), true);
            });
        } catch (AggregateStreamCreationException seenBefore) {
            return commands.send(new ResubmitFeedback(feedbackId, s.submissionId(), contentHash));
        }
    }
}
