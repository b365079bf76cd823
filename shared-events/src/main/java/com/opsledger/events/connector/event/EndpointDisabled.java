package com.opsledger.events.connector.event;

import com.opsledger.events.connector.EndpointDisabledCause;

import java.time.Instant;

/** The endpoint gets no deliveries until re-enabled; events that arrive meanwhile are recorded and skipped. */
public record EndpointDisabled(String connectionId, EndpointDisabledCause cause, String deliveryId,
                               Instant failingSince, Instant at) {
}
