package com.opsledger.events.connector.event;

import com.opsledger.events.connector.VerificationPosture;

import java.time.Instant;

/**
 * An inbound webhook refused by its verification, or sent to no connection; its payload is not kept. Written one per
 * distinct request until refusals were aggregated ({@link InboundEventsRefused}); kept for the history it is in.
 */
public record InboundEventRefused(String refusalId, String connectionId, VerificationPosture posture,
                                  String upstreamId, int payloadBytes, String payloadHash, Instant receivedAt) {
}
