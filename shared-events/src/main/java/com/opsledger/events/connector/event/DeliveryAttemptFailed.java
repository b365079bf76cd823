package com.opsledger.events.connector.event;

import com.opsledger.events.connector.AttemptReason;

import java.time.Instant;

/**
 * An attempt that did not deliver, and why; what follows is the next event (a retry scheduled, or the delivery
 * failed).
 *
 * @param statusCode the worker's HTTP status, or null when it did not answer
 */
public record DeliveryAttemptFailed(String deliveryId, String connectionId, int attempt, AttemptReason reason,
                                    Integer statusCode, Instant startedAt, long durationMillis,
                                    String responseExcerpt) {
}
