package com.opsledger.events.connector.event;

import java.time.Instant;

/**
 * The platform reported a connector's version and health again, unchanged, as observed at {@code observedAt}: the
 * newest observation, which any report observed before it no longer outranks.
 */
public record ConnectorStatusConfirmed(String connectorId, String name, Instant observedAt) {
}
