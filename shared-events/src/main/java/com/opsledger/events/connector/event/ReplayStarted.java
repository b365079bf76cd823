package com.opsledger.events.connector.event;

import java.time.Instant;

public record ReplayStarted(String jobId, String connectionId, Instant since, Instant startedAt) {
}
