package com.opsledger.events.connector.command;

import com.opsledger.events.connector.ConnectionDescription;
import com.opsledger.events.connector.VerificationPosture;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records an inbound webhook that verified (or that its connection does not sign) as a delivery to the connection's
 * worker, once per upstream event id: a redelivery by the upstream is recorded as a duplicate and not delivered again.
 *
 * @param connection what the connection said when the webhook arrived: its gate, schedule and timeout
 * @param payload    the body exactly as received
 */
public record AcceptConnectorEvent(@TargetAggregateIdentifier String deliveryId, ConnectionDescription connection,
                                   String upstreamId, String eventType, VerificationPosture posture, String payload,
                                   String contentHash, Instant receivedAt) {
}
