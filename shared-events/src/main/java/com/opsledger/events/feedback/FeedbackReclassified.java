package com.opsledger.events.feedback;

public record FeedbackReclassified(String feedbackId, Classification previous, Classification classification) {
}
