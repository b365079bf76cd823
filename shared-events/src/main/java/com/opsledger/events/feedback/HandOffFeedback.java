package com.opsledger.events.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record HandOffFeedback(@TargetAggregateIdentifier String feedbackId, String destinationTeam, String note) {
}
