package com.opsledger.events.connector.event;

import com.opsledger.events.connector.AttemptTrigger;

import java.time.Instant;

/**
 * Attempt {@code attempt} (from 1, every attempt of the delivery counted) is to be made now; the dispatcher makes it.
 * Without an outcome by {@code watchUntil} (the timeout and a grace after {@code dueAt}) it is declared stalled.
 *
 * @param scheduleStep the step of the retry schedule this attempt is (from 1), or null for one outside it
 * @param jobId        the replay job that asked for it, or null
 */
public record DeliveryAttemptDue(String deliveryId, String connectionId, int attempt, AttemptTrigger trigger,
                                 Integer scheduleStep, String jobId, Instant dueAt, Instant watchUntil) {
}
