package com.opsledger.events.connector.event;

public record EndpointReEnabled(String connectionId) {
}
