package com.opsledger.events.connector.command;

import com.opsledger.events.connector.AttemptReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * Tells a connection how an attempt at its endpoint ended, so that it knows since when the endpoint fails and
 * disables it when it answered 410 or has failed for longer than {@code disableAfter}; an attempt without an
 * outcome ({@code NO_OUTCOME}) raises a stall until the endpoint delivers again.
 */
public record RecordEndpointResult(@TargetAggregateIdentifier String connectionId, String deliveryId, int attempt,
                                   AttemptReason reason, Instant at, Duration disableAfter) {
}
