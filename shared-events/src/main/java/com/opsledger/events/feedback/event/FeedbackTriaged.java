package com.opsledger.events.feedback.event;

/** @param groupId the group whose decision triaged it, or null when triaged on its own */
public record FeedbackTriaged(String feedbackId, String groupId) {
}
