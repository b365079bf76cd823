package com.opsledger.events.connector.event;

import com.opsledger.events.connector.AttemptReason;

import java.time.Instant;

/** The first failed attempt at an endpoint after a success (or ever): it has failed since {@code since}. */
public record EndpointFailing(String connectionId, String deliveryId, AttemptReason reason, Instant since) {
}
