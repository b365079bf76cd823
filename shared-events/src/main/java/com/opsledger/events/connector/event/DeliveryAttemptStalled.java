package com.opsledger.events.connector.event;

import java.time.Instant;

/**
 * No outcome of an attempt was recorded by its watch time (its timeout and a grace): the node making it stopped, or
 * the worker hangs. Counted as a failed attempt ({@code NO_OUTCOME}); an outcome reported later is ignored.
 */
public record DeliveryAttemptStalled(String deliveryId, String connectionId, int attempt, Instant dueAt,
                                     Instant stalledAt) {
}
