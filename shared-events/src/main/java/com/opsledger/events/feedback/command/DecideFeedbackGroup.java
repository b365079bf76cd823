package com.opsledger.events.feedback.command;

import com.opsledger.events.feedback.GroupDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Decides every open member at once: the group records the decision and answers with the number of members it
 * goes to; the members follow it asynchronously.
 */
public record DecideFeedbackGroup(@TargetAggregateIdentifier String groupId, GroupDecision decision) {
}
