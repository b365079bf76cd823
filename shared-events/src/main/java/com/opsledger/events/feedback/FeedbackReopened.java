package com.opsledger.events.feedback;

public record FeedbackReopened(String feedbackId, FeedbackState reopenedFrom) {
}
