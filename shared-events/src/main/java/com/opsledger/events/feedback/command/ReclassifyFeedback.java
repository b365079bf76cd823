package com.opsledger.events.feedback.command;

import com.opsledger.events.feedback.Classification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReclassifyFeedback(@TargetAggregateIdentifier String feedbackId, Classification classification) {
}
