package com.opsledger.command.connector;

import com.opsledger.command.CommandSender;
import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.command.RecordEndpointResult;
import com.opsledger.events.connector.event.DeliveryAttemptFailed;
import com.opsledger.events.connector.event.DeliveryAttemptStalled;
import com.opsledger.events.connector.event.DeliveryAttemptSucceeded;
import com.opsledger.events.connector.event.EndpointStallCleared;
import com.opsledger.events.connector.event.EndpointStalled;
import com.opsledger.events.notification.NotificationKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Turns the outcome of every attempt into its connection's health, and the connection's stalls into alerts: each
 * outcome is told to the connection ({@link RecordEndpointResult}), which keeps since when the endpoint fails,
 * disables it (410, or failing for {@code disable-after}) and stalls it at an attempt without an outcome; a stall
 * raises a {@code connector_stalled} alert ({@link ConnectorAlerts}) that the connection's next success clears. One
 * processor ({@value #PROCESSING_GROUP}, with {@link DeliveryQueue}) handles them all in the order of the event store,
 * so a success is never taken for older than the stall it ends. It is never replayed; its commands commit with its
 * token, batch by batch.
 */
@Component
@ProcessingGroup(EndpointHealth.PROCESSING_GROUP)
@DisallowReplay
public class EndpointHealth {

    public static final String PROCESSING_GROUP = "connector-endpoint-health";

    private final CommandSender commands;
    private final ConnectorAlerts alerts;
    private final ConnectorSettings settings;

    EndpointHealth(CommandSender commands, ConnectorAlerts alerts, ConnectorSettings settings) {
        this.commands = commands;
        this.alerts = alerts;
        this.settings = settings;
    }

    @EventHandler
    void on(DeliveryAttemptSucceeded e) {
        result(e.connectionId(), e.deliveryId(), e.attempt(), AttemptReason.DELIVERED,
                e.startedAt().plusMillis(e.durationMillis()));
    }

    @EventHandler
    void on(DeliveryAttemptFailed e) {
        result(e.connectionId(), e.deliveryId(), e.attempt(), e.reason(), e.startedAt().plusMillis(e.durationMillis()));
    }

    @EventHandler
    void on(DeliveryAttemptStalled e) {
        result(e.connectionId(), e.deliveryId(), e.attempt(), AttemptReason.NO_OUTCOME, e.stalledAt());
    }

    private void result(String connectionId, String deliveryId, int attempt, AttemptReason reason, Instant at) {
        commands.send(new RecordEndpointResult(connectionId, deliveryId, attempt, reason, at,
                settings.disableAfter()), Delivery.system());
    }

    @EventHandler
    void on(EndpointStalled stalled) {
        alerts.raise(NotificationKind.CONNECTOR_STALLED, stalled.connectionId(), stalled.since(), "Attempt "
                + stalled.attempt() + " of delivery " + stalled.deliveryId() + " to connection "
                + stalled.connectionId() + " had no outcome within its timeout: the worker hangs or the node making"
                + " it stopped. Deliveries go on by their schedule.", "{\"connectionId\":\"" + stalled.connectionId()
                + "\",\"deliveryId\":\"" + stalled.deliveryId() + "\",\"attempt\":" + stalled.attempt() + "}");
    }

    @EventHandler
    void on(EndpointStallCleared cleared) {
        alerts.clear(NotificationKind.CONNECTOR_STALLED, cleared.connectionId(), cleared.stalledSince(), "connection "
                + cleared.connectionId() + " delivered again at " + cleared.at() + " (delivery " + cleared.deliveryId()
                + ")");
    }
}
