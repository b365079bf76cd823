package com.opsledger.events.feedback.event;

public record FeedbackCompleted(String feedbackId) {
}
