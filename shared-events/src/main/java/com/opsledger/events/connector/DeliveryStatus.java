package com.opsledger.events.connector;

/** Where one accepted event stands on its way to the connection's runtime worker. */
public enum DeliveryStatus {
    /** An attempt is due or under way. */
    ATTEMPTING,
    /** The last attempt failed; the next one is scheduled. */
    RETRY_SCHEDULED,
    /** Its connection's delivery is paused: it waits for the resume. */
    HELD,
    /** Its connection's endpoint was disabled or the connection revoked: kept, not delivered, replayable. */
    SKIPPED,
    DELIVERED,
    /** Every attempt of its schedule failed, or the worker refused it for good: dead, replayable. */
    FAILED;

    /** Whether an operator's replay takes it up again. */
    public boolean replayable() {
        return this == FAILED || this == SKIPPED;
    }
}
