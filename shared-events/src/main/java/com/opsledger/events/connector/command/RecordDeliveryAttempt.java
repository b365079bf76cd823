package com.opsledger.events.connector.command;

import com.opsledger.events.connector.AttemptReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * How the dispatcher's attempt {@code attempt} ended. An outcome for an attempt that is no longer in flight (declared
 * stalled meanwhile) is ignored.
 *
 * @param statusCode      the worker's HTTP status, or null when it did not answer
 * @param responseExcerpt the start of the worker's answer (or of the error), bounded
 * @param retryAfter      the worker's {@code Retry-After}, or null
 */
public record RecordDeliveryAttempt(@TargetAggregateIdentifier String deliveryId, int attempt, AttemptReason reason,
                                    Integer statusCode, Instant startedAt, long durationMillis,
                                    String responseExcerpt, Duration retryAfter) {
}
