package com.opsledger.events.connector.event;

import com.opsledger.events.connector.ConnectionDescription;

/**
 * The delivery is not made: its connection's endpoint was disabled or the connection revoked ({@code gate}). Kept
 * with its payload; a replay delivers it. {@code attempt} is the attempt that found the gate closed, 0 on acceptance.
 */
public record DeliverySkipped(String deliveryId, String connectionId, int attempt,
                              ConnectionDescription.Gate gate) {
}
