package com.opsledger.events.connector.event;

import java.time.Instant;

/**
 * An attempt at the endpoint had no outcome within its timeout and grace (the worker hangs, or the node making it
 * stopped), the first since the endpoint last delivered: an alert is raised until it delivers again.
 */
public record EndpointStalled(String connectionId, String deliveryId, int attempt, Instant since) {
}
