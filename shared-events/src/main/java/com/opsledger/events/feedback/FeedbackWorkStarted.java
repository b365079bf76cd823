package com.opsledger.events.feedback;

public record FeedbackWorkStarted(String feedbackId) {
}
