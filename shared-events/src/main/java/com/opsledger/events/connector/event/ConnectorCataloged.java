package com.opsledger.events.connector.event;

import com.opsledger.events.connector.ConnectorHealth;

import java.time.Instant;

public record ConnectorCataloged(String connectorId, String name, String version, ConnectorHealth health,
                                 Instant observedAt, String detail) {
}
