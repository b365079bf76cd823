package com.opsledger.events.connector.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Asks a connection what an inbound webhook is verified with and where and how its events are delivered, as of
 * {@code at} (which secrets are still live). Records nothing.
 */
public record DescribeConnection(@TargetAggregateIdentifier String connectionId, Instant at) {
}
