package com.opsledger.events.feedback.command;

import com.opsledger.events.feedback.GroupDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Applies one group decision to one member: an open member follows it, others are left alone. The decision is
 * named by {@code decisionSequence}, the sequence number of its {@code FeedbackGroupDecided} in the group's
 * history, so the same decision applied again (after a crash in the middle of its fan-out) changes nothing.
 */
public record ApplyGroupDecision(@TargetAggregateIdentifier String feedbackId, String groupId,
                                 long decisionSequence, GroupDecision decision) {
}
