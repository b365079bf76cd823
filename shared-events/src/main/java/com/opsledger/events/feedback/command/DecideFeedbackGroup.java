package com.opsledger.events.feedback.command;

import com.opsledger.events.feedback.GroupDecision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Decides every open member at once; answers with the member ids the decision goes to. */
public record DecideFeedbackGroup(@TargetAggregateIdentifier String groupId, GroupDecision decision) {
}
