package com.opsledger.events.connector.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Starts a background job that replays the failed and skipped deliveries of a connection that failed or were
 * skipped since {@code since}: each once, as an attempt of its own ({@code replay}), with the job's progress recorded.
 */
public record StartReplay(@TargetAggregateIdentifier String jobId, String connectionId, Instant since,
                          Instant startedAt) {
}
