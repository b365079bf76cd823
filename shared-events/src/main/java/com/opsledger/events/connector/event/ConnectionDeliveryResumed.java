package com.opsledger.events.connector.event;

/** Delivery goes on; the deliveries held meanwhile are released (a command-side handler requests each again). */
public record ConnectionDeliveryResumed(String connectionId) {
}
