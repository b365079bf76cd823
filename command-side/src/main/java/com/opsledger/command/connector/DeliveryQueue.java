package com.opsledger.command.connector;

import com.opsledger.events.connector.AttemptTrigger;
import com.opsledger.events.connector.event.ConnectorEventAccepted;
import com.opsledger.events.connector.event.DeliveryAttemptDue;
import com.opsledger.events.connector.event.DeliveryAttemptSucceeded;
import com.opsledger.events.connector.event.DeliveryFailed;
import com.opsledger.events.connector.event.DeliverySkipped;
import com.opsledger.events.notification.NotificationKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Counts the deliveries waiting for each connection's worker (accepted, held, retrying; and those made due again by
 * an operator or a replay) in tables of its own (migration V26), and raises a {@code connector_queue_spike} alert when
 * a queue reaches {@code opsledger.connector.queue-spike-threshold}, cleared once it is below half of it. It runs in
 * the endpoints' health processor, whose batch transaction also holds these writes and its token: a crash replays a
 * batch whole or not at all, so each delivery enters and leaves its queue once.
 */
@Component
@ProcessingGroup(EndpointHealth.PROCESSING_GROUP)
@DisallowReplay
class DeliveryQueue {

    private static final String ENTER = "INSERT INTO connector_queued_delivery (delivery_id, connection_id)"
            + " VALUES (:delivery, :connection) ON CONFLICT (delivery_id) DO NOTHING";
    private static final String LEAVE = "DELETE FROM connector_queued_delivery WHERE delivery_id = :delivery";
    private static final String COUNT = "INSERT INTO connector_queue (connection_id, depth) VALUES (:connection, :by)"
            + " ON CONFLICT (connection_id) DO UPDATE SET depth = connector_queue.depth + :by"
            + " RETURNING depth, spiking_since";
    private static final String SPIKING = "UPDATE connector_queue SET spiking_since = :since"
            + " WHERE connection_id = :connection";

    private record Queue(long depth, OffsetDateTime spikingSince) {
    }

    private final JdbcClient jdbc;
    private final ConnectorAlerts alerts;
    private final int threshold;

    DeliveryQueue(JdbcClient jdbc, ConnectorAlerts alerts, ConnectorSettings settings) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.threshold = settings.queueSpikeThreshold();
    }

    @EventHandler
    void on(ConnectorEventAccepted e, @Timestamp Instant at) {
        enter(e.deliveryId(), e.connectionId(), at);
    }

    /** A scheduled attempt's delivery is in its queue already; one made due again may have left it. */
    @EventHandler
    void on(DeliveryAttemptDue e, @Timestamp Instant at) {
        if (e.trigger() != AttemptTrigger.SCHEDULE) {
            enter(e.deliveryId(), e.connectionId(), at);
        }
    }

    @EventHandler
    void on(DeliveryAttemptSucceeded e, @Timestamp Instant at) {
        leave(e.deliveryId(), e.connectionId(), at);
    }

    @EventHandler
    void on(DeliveryFailed e, @Timestamp Instant at) {
        leave(e.deliveryId(), e.connectionId(), at);
    }

    @EventHandler
    void on(DeliverySkipped e, @Timestamp Instant at) {
        leave(e.deliveryId(), e.connectionId(), at);
    }

    private void enter(String deliveryId, String connectionId, Instant at) {
        if (jdbc.sql(ENTER).param("delivery", deliveryId).param("connection", connectionId).update() == 1) {
            count(connectionId, 1, at);
        }
    }

    private void leave(String deliveryId, String connectionId, Instant at) {
        if (jdbc.sql(LEAVE).param("delivery", deliveryId).update() == 1) {
            count(connectionId, -1, at);
        }
    }

    private void count(String connectionId, int by, Instant at) {
        Queue queue = jdbc.sql(COUNT).param("connection", connectionId).param("by", by)
                .query((rs, n) -> new Queue(rs.getLong("depth"), rs.getObject("spiking_since", OffsetDateTime.class)))
                .single();
        long depth = queue.depth();
        OffsetDateTime since = queue.spikingSince();
        if (since == null && depth >= threshold) {
            OffsetDateTime start = at.atOffset(ZoneOffset.UTC);
            jdbc.sql(SPIKING).param("since", start).param("connection", connectionId).update();
            alerts.raise(NotificationKind.CONNECTOR_QUEUE_SPIKE, connectionId, at, depth + " deliveries are waiting"
                    + " for the worker of connection " + connectionId + " (threshold " + threshold + "): it is slow,"
                    + " failing or paused.", "{\"connectionId\":\"" + connectionId + "\",\"depth\":" + depth
                    + ",\"threshold\":" + threshold + "}");
        } else if (since != null && depth * 2 < threshold) {
            jdbc.sql(SPIKING).param("since", null).param("connection", connectionId).update();
            alerts.clear(NotificationKind.CONNECTOR_QUEUE_SPIKE, connectionId, since.toInstant(), "the queue of"
                    + " connection " + connectionId + " is down to " + depth + " at " + at);
        }
    }
}
