package com.opsledger.events.connector.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a running replay job at its next progress report; what it replayed stays replayed. */
public record CancelReplay(@TargetAggregateIdentifier String jobId) {
}
