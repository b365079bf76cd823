package com.opsledger.events.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReopenFeedback(@TargetAggregateIdentifier String feedbackId) {
}
