package com.opsledger.events.connector.event;

import java.time.Instant;

/**
 * Schedule step {@code scheduleStep} will be attempted at {@code at} (a persistent deadline).
 *
 * @param retryAfterHonoured whether the worker's {@code Retry-After} set the time, being later than the schedule's
 */
public record DeliveryRetryScheduled(String deliveryId, String connectionId, int scheduleStep, Instant at,
                                     boolean retryAfterHonoured) {
}
