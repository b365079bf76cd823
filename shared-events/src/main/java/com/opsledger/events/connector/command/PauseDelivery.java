package com.opsledger.events.connector.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops delivering a connection's events to its worker; they are accepted and held until the resume. */
public record PauseDelivery(@TargetAggregateIdentifier String connectionId) {
}
