package com.opsledger.events.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteFeedback(@TargetAggregateIdentifier String feedbackId) {
}
