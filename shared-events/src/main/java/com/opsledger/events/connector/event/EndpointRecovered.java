package com.opsledger.events.connector.event;

import java.time.Instant;

/** An attempt succeeded at an endpoint that had failed since {@code failingSince}. */
public record EndpointRecovered(String connectionId, String deliveryId, Instant failingSince, Instant at) {
}
