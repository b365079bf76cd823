package com.opsledger.events.connector.event;

public record ConnectionDeliveryPaused(String connectionId) {
}
