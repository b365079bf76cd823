package com.opsledger.command.feedback;

import com.opsledger.events.feedback.Classification;

/**
 * What the platform is told about a submission: the item and its group, its classification as recorded, and
 * whether this submission recorded it (false for a repeat).
 */
record SubmissionAccepted(String feedbackId, String groupId, Classification classification, boolean created) {
}
