package com.opsledger.events.connector.command;

import com.opsledger.events.connector.VerificationPosture;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records an inbound webhook that was refused (its signature or timestamp did not verify, or no connection has the
 * id it was sent to), without its payload: only its size and hash. A repeat of the same request is not recorded again.
 *
 * @param connectionId the id the webhook was sent to, as sent (it may name no connection)
 */
public record RefuseInboundEvent(@TargetAggregateIdentifier String refusalId, String connectionId,
                                 VerificationPosture posture, String upstreamId, int payloadBytes,
                                 String payloadHash, Instant receivedAt) {
}
