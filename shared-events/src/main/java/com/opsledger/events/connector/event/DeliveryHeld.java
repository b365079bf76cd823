package com.opsledger.events.connector.event;

/** Attempt {@code attempt} found the connection paused and was not made; the resume makes the delivery due again. */
public record DeliveryHeld(String deliveryId, String connectionId, int attempt) {
}
