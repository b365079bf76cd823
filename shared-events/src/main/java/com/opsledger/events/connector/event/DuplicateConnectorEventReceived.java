package com.opsledger.events.connector.event;

import java.time.Instant;

/** The upstream sent an event id again; not delivered again. {@code sameContent}: the payload was the same too. */
public record DuplicateConnectorEventReceived(String deliveryId, String connectionId, Instant receivedAt,
                                              boolean sameContent) {
}
