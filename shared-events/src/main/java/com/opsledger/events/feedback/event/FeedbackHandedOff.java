package com.opsledger.events.feedback.event;

public record FeedbackHandedOff(String feedbackId, String destinationTeam, String note) {
}
