package com.opsledger.events.connector;

/** Why a connection's endpoint stopped receiving deliveries until an operator re-enables it. */
public enum EndpointDisabledCause {
    /** The worker answered 410 Gone. */
    GONE,
    /** Every attempt failed for longer than {@code opsledger.connector.disable-after}. */
    CONTINUOUS_FAILURE
}
