package com.opsledger.events.connector.event;

import com.opsledger.events.connector.PostureCount;
import com.opsledger.events.connector.RefusalSample;

import java.time.Instant;
import java.util.List;

/**
 * Inbound webhooks sent to a connection and refused by their verification within {@code [windowStart, windowEnd)}:
 * how many, by posture, and the first of them as a sample. Their payloads are not kept.
 */
public record InboundEventsRefused(String refusalId, String connectionId, Instant windowStart, Instant windowEnd,
                                   int refused, List<PostureCount> postures, RefusalSample sample) {
}
