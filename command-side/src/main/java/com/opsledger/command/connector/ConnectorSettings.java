package com.opsledger.command.connector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Connector delivery ({@code opsledger.connector.*}, e.g. {@code OPSLEDGER_CONNECTOR_SECRET_KEY}).
 *
 * @param secretKey       base64 of the 32-byte AES key that seals connection secrets in their events; empty: the
 *                        connector endpoints answer 503
 * @param maxPayloadSize  the largest inbound webhook accepted (413 above); at most {@code opsledger.http.max-body-size}
 * @param attemptTimeout  how long an attempt waits for the worker's answer, unless its connection says otherwise
 * @param disableAfter    how long an endpoint may fail every attempt before it is disabled
 * @param deliveryThreads how many attempts one node makes at once
 * @param queueSpikeThreshold how many deliveries waiting for one connection's worker raise a queue spike alert (it
 *                        clears below half of it)
 * @param refusalWindow   inbound webhooks refused for a connection are recorded as one event per window of this length
 * @param refusalsPerSource how many refused webhooks one address may send in a window before it is answered 429
 * @param allowPrivateEndpoints whether a connection's endpoint may be on a loopback, link-local, private or other
 *                        internal address (local mode and tests with local workers; never in production)
 */
@ConfigurationProperties("opsledger.connector")
public record ConnectorSettings(@DefaultValue("") String secretKey,
                                @DefaultValue("128KB") DataSize maxPayloadSize,
                                @DefaultValue("15s") Duration attemptTimeout,
                                @DefaultValue("5d") Duration disableAfter,
                                @DefaultValue("16") int deliveryThreads,
                                @DefaultValue("100") int queueSpikeThreshold,
                                @DefaultValue("1m") Duration refusalWindow,
                                @DefaultValue("60") int refusalsPerSource,
                                @DefaultValue("false") boolean allowPrivateEndpoints) {

    public ConnectorSettings {
        if (refusalWindow.toMillis() < 100 || refusalWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("opsledger.connector.refusal-window must be from 100ms to 1h");
        }
        if (refusalsPerSource < 1) {
            throw new IllegalArgumentException("opsledger.connector.refusals-per-source must be at least 1");
        }
    }
}
