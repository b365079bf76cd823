package com.opsledger.events.feedback;

import java.time.Instant;

/**
 * Feedback arrived from the platform and was classified.
 *
 * @param contextJson the optional client context, kept as the JSON text the platform sent
 * @param contentHash SHA-256 over the submitted fields, to tell a true retry from a reused submission id
 */
public record FeedbackSubmitted(String feedbackId, String submissionId, String orgId, String workspaceId,
                                String userId, String channel, String message, String page, String contextJson,
                                String contentHash, Classification classification, String fingerprint,
                                String groupId, Instant submittedAt) {
}
