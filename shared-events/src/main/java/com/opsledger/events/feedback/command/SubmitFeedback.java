package com.opsledger.events.feedback.command;

import com.opsledger.events.feedback.Classification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

/** Records platform-submitted feedback once per submission id; a repeat with the same content is a no-op. */
public record SubmitFeedback(@TargetAggregateIdentifier String feedbackId, String submissionId, String orgId,
                             String workspaceId, String userId, String channel, String message, String page,
                             String contextJson, String contentHash, Classification classification,
                             String classifierVersion, String fingerprint, String groupId, Instant submittedAt) {

    /**
     * The longest message, in Unicode code points: an emoji counts as one, so a message may take up to 40,000 bytes
     * of UTF-8.
     */
    public static final int MAX_MESSAGE_CHARACTERS = 10_000;
}
