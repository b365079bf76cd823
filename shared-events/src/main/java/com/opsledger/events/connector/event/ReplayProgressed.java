package com.opsledger.events.connector.event;

/** The counts so far of a replay job; {@code finished} on its last report. */
public record ReplayProgressed(String jobId, String connectionId, long replayed, long passedOver, boolean finished) {
}
