package com.opsledger.events.feedback.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record HandOffFeedback(@TargetAggregateIdentifier String feedbackId, String destinationTeam, String note) {
}
