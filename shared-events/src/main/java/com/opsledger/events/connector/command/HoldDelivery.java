package com.opsledger.events.connector.command;

import com.opsledger.events.connector.ConnectionDescription;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The dispatcher found the connection's gate closed when attempt {@code attempt} was due: a paused connection holds
 * the delivery, a disabled or revoked one skips it. The attempt is not made.
 */
public record HoldDelivery(@TargetAggregateIdentifier String deliveryId, int attempt, ConnectionDescription.Gate gate) {
}
