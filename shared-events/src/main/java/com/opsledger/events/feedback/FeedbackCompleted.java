package com.opsledger.events.feedback;

public record FeedbackCompleted(String feedbackId) {
}
