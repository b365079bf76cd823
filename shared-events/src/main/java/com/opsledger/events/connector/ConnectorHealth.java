package com.opsledger.events.connector;

/** A connector's health as the platform reports it for the catalog. */
public enum ConnectorHealth {
    HEALTHY, DEGRADED, DOWN
}
