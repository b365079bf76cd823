package com.opsledger.events.connector.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delivers to a disabled endpoint again; what was skipped meanwhile stays so until replayed. */
public record ReEnableEndpoint(@TargetAggregateIdentifier String connectionId) {
}
