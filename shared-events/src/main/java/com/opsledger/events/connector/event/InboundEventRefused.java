package com.opsledger.events.connector.event;

import com.opsledger.events.connector.VerificationPosture;

import java.time.Instant;

/** An inbound webhook refused by its verification, or sent to no connection; its payload is not kept. */
public record InboundEventRefused(String refusalId, String connectionId, VerificationPosture posture,
                                  String upstreamId, int payloadBytes, String payloadHash, Instant receivedAt) {
}
