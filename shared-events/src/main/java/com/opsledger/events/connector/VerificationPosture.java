package com.opsledger.events.connector;

/** What the verification of one inbound webhook found; recorded with every event, delivered or not. */
public enum VerificationPosture {
    VERIFIED,
    /** Signed by a scheme, but no live secret produces its signature, or the signature headers are missing. */
    SIGNATURE_FAILED,
    /** The signature's timestamp lies outside the tolerance, before or after now: a replay, or a clock far off. */
    TIMESTAMP_STALE,
    /** The connection's scheme is {@link VerificationScheme#NONE}. */
    UNSIGNED,
    UNKNOWN_CONNECTION;

    /** Whether the event is delivered to the worker. */
    public boolean accepted() {
        return this == VERIFIED || this == UNSIGNED;
    }
}
