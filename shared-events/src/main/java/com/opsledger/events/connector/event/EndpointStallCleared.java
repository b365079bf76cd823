package com.opsledger.events.connector.event;

import java.time.Instant;

/** The endpoint that stalled at {@code stalledSince} delivered again: its stall alert clears itself. */
public record EndpointStallCleared(String connectionId, String deliveryId, Instant stalledSince, Instant at) {
}
