package com.opsledger.events.feedback.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Classify the item's message again with the running classifier, and record the change if its verdict differs.
 * Items an operator classified keep the operator's classification; done and archived items keep theirs.
 */
public record RerunClassifier(@TargetAggregateIdentifier String feedbackId) {
}
