package com.opsledger.events.connector.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delivers a paused connection's events again, the held ones first. */
public record ResumeDelivery(@TargetAggregateIdentifier String connectionId) {
}
