package com.opsledger.events.feedback.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartFeedbackWork(@TargetAggregateIdentifier String feedbackId) {
}
