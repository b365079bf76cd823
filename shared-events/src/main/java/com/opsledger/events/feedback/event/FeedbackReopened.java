package com.opsledger.events.feedback.event;

import com.opsledger.events.feedback.FeedbackState;

public record FeedbackReopened(String feedbackId, FeedbackState reopenedFrom) {
}
