package com.opsledger.events.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ArchiveFeedback(@TargetAggregateIdentifier String feedbackId) {
}
