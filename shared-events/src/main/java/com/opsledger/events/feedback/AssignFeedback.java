package com.opsledger.events.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignFeedback(@TargetAggregateIdentifier String feedbackId, String assignee) {
}
