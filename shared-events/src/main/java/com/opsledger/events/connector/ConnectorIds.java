package com.opsledger.events.connector;

import org.axonframework.modelling.command.AggregateNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids of the catalog's connectors ({@value #CONNECTOR}…, one per name), of connections ({@value #CONNECTION}…, one
 * per platform connection id), of deliveries ({@value #DELIVERY}…, one per upstream event id within its connection),
 * of refused inbound webhooks ({@value #REFUSAL}…, one per distinct request) and of replay jobs ({@value
 * #REPLAY_JOB}…, random). All but the last are derived from what they
 * stand for, so a redelivered webhook names the same delivery.
 */
public final class ConnectorIds {

    public static final String CONNECTOR = "ctr-";
    public static final String CONNECTION = "con-";
    public static final String DELIVERY = "dlv-";
    public static final String REFUSAL = "ref-";
    public static final String REPLAY_JOB = "rpl-";

    private ConnectorIds() {
    }

    /** One per connector of the catalog, by its name. */
    public static String forConnector(String name) {
        return CONNECTOR + uuid("connector:" + name);
    }

    public static String forConnection(String platformId) {
        return CONNECTION + uuid("connection:" + platformId);
    }

    public static String deliveryFor(String connectionId, String upstreamId) {
        return DELIVERY + uuid("delivery:" + connectionId + ":" + upstreamId);
    }

    /** The refusals of one connection in the window that starts at {@code windowStart}. */
    public static String refusalsFor(String connectionId, java.time.Instant windowStart) {
        return REFUSAL + uuid("refusals:" + connectionId + ":" + windowStart);
    }

    public static String newReplayJob() {
        return REPLAY_JOB + UUID.randomUUID();
    }

    public static boolean isConnection(String id) {
        return id.startsWith(CONNECTION);
    }

    /** Refuses an id of another kind: every kind of aggregate shares the event store, and that one is no connection. */
    public static void requireConnection(String id) {
        if (!isConnection(id)) {
            throw new AggregateNotFoundException(id, "no such connection");
        }
    }

    public static void requireDelivery(String id) {
        if (!id.startsWith(DELIVERY)) {
            throw new AggregateNotFoundException(id, "no such delivery");
        }
    }

    public static void requireReplayJob(String id) {
        if (!id.startsWith(REPLAY_JOB)) {
            throw new AggregateNotFoundException(id, "no such replay job");
        }
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
