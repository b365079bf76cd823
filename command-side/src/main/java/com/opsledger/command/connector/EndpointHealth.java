package com.opsledger.command.connector;

import com.opsledger.command.CommandSender;
import com.opsledger.command.ContentHash;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.WireName;
import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.command.RecordEndpointResult;
import com.opsledger.events.connector.event.DeliveryAttemptFailed;
import com.opsledger.events.connector.event.DeliveryAttemptStalled;
import com.opsledger.events.connector.event.DeliveryAttemptSucceeded;
import com.opsledger.events.connector.event.EndpointStallCleared;
import com.opsledger.events.connector.event.EndpointStalled;
import com.opsledger.events.notification.NotificationIds;
import com.opsledger.events.notification.NotificationKind;
import com.opsledger.events.notification.NotificationSeverity;
import com.opsledger.events.notification.command.AcknowledgeNotification;
import com.opsledger.events.notification.command.ReceiveNotification;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Turns the outcome of every attempt into its connection's health, and the connection's stalls into alerts: each
 * outcome is told to the connection ({@link RecordEndpointResult}), which keeps since when the endpoint fails,
 * disables it (410, or failing for {@code disable-after}) and stalls it at an attempt without an outcome; a stall
 * raises one notification ({@code connector_stalled}, one per connection and stall) and the connection's next success
 * acknowledges it as {@value Delivery#ACTOR}, with the reason. One processor ({@value #PROCESSING_GROUP}) handles them all in
 * the order of the event store, so a success is never taken for older than the stall it ends. It is never replayed;
 * each command it sends is idempotent, so a crash that makes it handle an event again changes nothing twice.
 */
@Component
@ProcessingGroup(EndpointHealth.PROCESSING_GROUP)
@DisallowReplay
public class EndpointHealth {

    public static final String PROCESSING_GROUP = "connector-endpoint-health";

    private final CommandSender commands;
    private final ConnectorSettings settings;

    EndpointHealth(CommandSender commands, ConnectorSettings settings) {
        this.commands = commands;
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
        String platformId = platformId(stalled.connectionId(), stalled.since());
        String summary = "Attempt " + stalled.attempt() + " of delivery " + stalled.deliveryId() + " to connection "
                + stalled.connectionId() + " had no outcome within its timeout: the worker hangs or the node making"
                + " it stopped. Deliveries go on by their schedule.";
        String details = "{\"connectionId\":\"" + stalled.connectionId() + "\",\"deliveryId\":\""
                + stalled.deliveryId() + "\",\"attempt\":" + stalled.attempt() + "}";
        commands.send(new ReceiveNotification(NotificationIds.forPlatformId(platformId), platformId,
                NotificationKind.CONNECTOR_STALLED, stalled.connectionId(), NotificationSeverity.WARNING, summary,
                stalled.since(), details, ContentHash.of(WireName.of(NotificationKind.CONNECTOR_STALLED),
                stalled.connectionId(), WireName.of(NotificationSeverity.WARNING), summary,
                stalled.since().toString(), details)), Delivery.system());
    }

    /** Acknowledged by the service itself; an alert an operator acknowledged already stays as it is. */
    @EventHandler
    void on(EndpointStallCleared cleared) {
        String reason = "connection " + cleared.connectionId() + " delivered again at " + cleared.at() + " (delivery "
                + cleared.deliveryId() + ")";
        commands.send(new AcknowledgeNotification(NotificationIds.forPlatformId(platformId(cleared.connectionId(),
                cleared.stalledSince()))), Delivery.system().and(MetaDataKeys.REASON, reason));
    }

    /** One alert per connection and stall: what the platform's own notifications carry as their id. */
    private static String platformId(String connectionId, Instant since) {
        return "opsledger:connector-stalled:" + connectionId + ":" + since;
    }

}
