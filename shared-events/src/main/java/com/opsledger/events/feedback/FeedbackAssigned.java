package com.opsledger.events.feedback;

public record FeedbackAssigned(String feedbackId, String assignee) {
}
