package com.opsledger.events.connector.event;

public record ReplayCanceled(String jobId, String connectionId) {
}
