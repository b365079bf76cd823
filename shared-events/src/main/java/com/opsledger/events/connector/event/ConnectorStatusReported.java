package com.opsledger.events.connector.event;

import com.opsledger.events.connector.ConnectorHealth;

import java.time.Instant;

/** A newer report of a cataloged connector: its version or health changed. */
public record ConnectorStatusReported(String connectorId, String name, String version, ConnectorHealth health,
                                      Instant observedAt, String detail) {
}
