package com.opsledger.command.feedback;

import com.opsledger.command.Commands;
import com.opsledger.command.ContentHash;
import com.opsledger.events.feedback.command.AddFeedbackToGroup;
import com.opsledger.events.feedback.FeedbackIds;
import com.opsledger.events.feedback.event.FeedbackSubmitted;
import com.opsledger.events.feedback.command.SubmitFeedback;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Takes feedback in from the platform: classifies it, records it once per submission id and counts it into its
 * duplicate group. Both steps are idempotent, so a retry after a crash between them completes the second;
 * two first submissions racing on two nodes meet as a concurrency conflict, which {@link Commands} retries.
 */
@Service
@EnableConfigurationProperties(BurstSettings.class)
class FeedbackIntake {

    /** What the platform submits; {@code contextJson} is the optional context object as compact JSON. */
    record Submission(String submissionId, String orgId, String workspaceId, String userId, String channel,
                      String message, String page, String contextJson) {
    }

    private final Commands commands;
    private final BurstSettings burst;
    private final Clock clock;

    FeedbackIntake(Commands commands, BurstSettings burst, Clock clock) {
        this.commands = commands;
        this.burst = burst;
        this.clock = clock;
    }

    SubmissionReceipt submit(Submission s) {
        FeedbackClassifier.ClassifiedText result = FeedbackClassifier.classify(s.message());
        String feedbackId = FeedbackIds.forSubmission(s.submissionId());
        SubmitFeedback command = new SubmitFeedback(feedbackId, s.submissionId(), s.orgId(), s.workspaceId(),
                s.userId(), s.channel(), s.message(), s.page(), s.contextJson(),
                ContentHash.of(s.orgId(), s.workspaceId(), s.userId(), s.channel(), s.message(), s.page(),
                        s.contextJson()),
                result.classification(), FeedbackClassifier.VERSION, result.fingerprint(), FeedbackIds.groupFor(result.fingerprint()),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        SubmissionReceipt receipt = commands.send(command);
        FeedbackSubmitted recorded = receipt.feedback();
        commands.send(new AddFeedbackToGroup(recorded.groupId(), recorded.fingerprint(), feedbackId,
                recorded.classification(), recorded.submittedAt(), burst.threshold(), burst.window()));
        return receipt;
    }
}
