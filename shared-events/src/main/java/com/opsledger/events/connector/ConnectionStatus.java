package com.opsledger.events.connector;

/** A connection's state as the platform reports it. */
public enum ConnectionStatus {
    CONNECTED,
    /** Working, with errors the platform sees (expiring credentials, rate limits). */
    DEGRADED,
    /** The upstream cannot be reached with the connection's credentials; it may come back. */
    DISCONNECTED,
    /** The org revoked it: events that still arrive are recorded and skipped, never delivered. */
    REVOKED
}
