package com.opsledger.events.connector;

/** Which of a connection's two secrets. */
public enum SecretKind {
    /** The secret the upstream signs its webhooks with. */
    INBOUND,
    /** The secret OpsLedger signs its deliveries to the worker with. */
    SIGNING
}
