package com.opsledger.events.connector.event;

import com.opsledger.events.connector.ConnectionStatus;

import java.time.Instant;

public record ConnectionStatusChanged(String connectionId, ConnectionStatus from, ConnectionStatus to,
                                      Instant observedAt) {
}
