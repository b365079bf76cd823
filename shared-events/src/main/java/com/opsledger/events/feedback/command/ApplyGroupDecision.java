package com.opsledger.events.feedback.command;

import com.opsledger.events.feedback.GroupDecision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Applies a group decision to one member. Members that are no longer open are left alone, so the group
 * decision can be re-run safely.
 */
public record ApplyGroupDecision(@TargetAggregateIdentifier String feedbackId, String groupId,
                                 GroupDecision decision) {
}
