package com.opsledger.events.feedback.event;

/** @param duplicateOfGroup the group it was archived as a duplicate of, or null for a resolved item */
public record FeedbackArchived(String feedbackId, String duplicateOfGroup) {
}
