package com.opsledger.events.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TriageFeedback(@TargetAggregateIdentifier String feedbackId) {
}
