package com.opsledger.events.feedback.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignFeedback(@TargetAggregateIdentifier String feedbackId, String assignee) {
}
