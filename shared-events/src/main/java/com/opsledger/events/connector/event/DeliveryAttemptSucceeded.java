package com.opsledger.events.connector.event;

import java.time.Instant;

/**
 * The worker answered 2xx: the delivery is delivered.
 *
 * @param canceledRetryAt the scheduled retry this (manual) attempt made needless, or null
 */
public record DeliveryAttemptSucceeded(String deliveryId, String connectionId, int attempt, int statusCode,
                                       Instant startedAt, long durationMillis, String responseExcerpt,
                                       Instant canceledRetryAt) {
}
