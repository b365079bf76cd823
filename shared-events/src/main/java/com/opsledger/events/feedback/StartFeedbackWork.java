package com.opsledger.events.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartFeedbackWork(@TargetAggregateIdentifier String feedbackId) {
}
