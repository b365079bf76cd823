package com.opsledger.events.feedback.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * How far a decision's fan-out has come: {@code changed} members followed it, {@code leftAlone} were no longer
 * open; {@code finished} once every member has been reached. Progress of a finished decision is not recorded again.
 */
public record RecordGroupDecisionProgress(@TargetAggregateIdentifier String groupId, long decisionSequence,
                                          int changed, int leftAlone, boolean finished) {
}
