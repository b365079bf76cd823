package com.opsledger.events.feedback.event;

public record FeedbackAssigned(String feedbackId, String assignee) {
}
