package com.opsledger.events.feedback.event;

public record FeedbackWorkStarted(String feedbackId) {
}
