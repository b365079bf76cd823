package com.opsledger.events.feedback.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A submission id the platform sent before, sent again: the same content is answered as first recorded and records
 * nothing; other content is refused.
 */
public record ResubmitFeedback(@TargetAggregateIdentifier String feedbackId, String submissionId,
                               String contentHash) {
}
