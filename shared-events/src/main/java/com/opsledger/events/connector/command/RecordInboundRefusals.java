package com.opsledger.events.connector.command;

import com.opsledger.events.connector.PostureCount;
import com.opsledger.events.connector.RefusalSample;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Records the webhooks a node refused for one connection in one window (a bad signature, a stale timestamp), counted
 * by posture with the first one as a sample. One event per connection, window and node, never one per request: an
 * anonymous sender must not grow the event store at its request rate.
 */
public record RecordInboundRefusals(@TargetAggregateIdentifier String refusalId, String connectionId,
                                    Instant windowStart, Instant windowEnd, int refused, List<PostureCount> postures,
                                    RefusalSample sample) {
}
