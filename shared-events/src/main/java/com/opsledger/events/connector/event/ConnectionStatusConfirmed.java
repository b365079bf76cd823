package com.opsledger.events.connector.event;

import java.time.Instant;

/**
 * The platform reported a connection's status again, unchanged, as observed at {@code observedAt}: the newest
 * observation, which any report observed before it no longer outranks.
 */
public record ConnectionStatusConfirmed(String connectionId, Instant observedAt) {
}
