package com.opsledger.events.feedback.event;

import com.opsledger.events.OrgScoped;
import com.opsledger.events.feedback.Classification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Feedback arrived from the platform and was classified.
 *
 * @param contextJson the optional client context, kept as the JSON text the platform sent
 * @param contentHash SHA-256 over the submitted fields, to tell a true retry from a reused submission id
 * @param classifierVersion the version of the classifier that classified it ({@code 1} for items stored before
 *                          versions were recorded)
 */
@Revision("2")
public record FeedbackSubmitted(String feedbackId, String submissionId, String orgId, String workspaceId,
                                String userId, String channel, String message, String page, String contextJson,
                                String contentHash, Classification classification, String classifierVersion,
                                String fingerprint, String groupId, Instant submittedAt) implements OrgScoped {
}
