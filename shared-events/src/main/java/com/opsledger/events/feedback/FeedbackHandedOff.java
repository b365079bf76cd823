package com.opsledger.events.feedback;

public record FeedbackHandedOff(String feedbackId, String destinationTeam, String note) {
}
