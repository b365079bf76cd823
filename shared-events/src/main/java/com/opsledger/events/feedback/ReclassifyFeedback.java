package com.opsledger.events.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReclassifyFeedback(@TargetAggregateIdentifier String feedbackId, Classification classification) {
}
