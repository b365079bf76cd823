package com.opsledger.command.connector;

import com.opsledger.command.CommandSender;
import com.opsledger.events.EventStoreSql;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.connector.AttemptTrigger;
import com.opsledger.events.connector.command.RequestAttempt;
import com.opsledger.events.connector.event.ConnectionDeliveryPaused;
import com.opsledger.events.connector.event.ConnectionDeliveryResumed;
import com.opsledger.events.connector.event.DeliveryHeld;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Makes the deliveries a pause held due again once their connection resumes: those held since its last pause, read
 * from the event store (by the partial index of migration V21), each asked to {@link AttemptTrigger#RESUME}, which a
 * delivery released already (or redelivered meanwhile) passes over. Its tracking processor ({@value
 * #PROCESSING_GROUP}) is never replayed; a crash in the middle resumes the release from the start, harmlessly.
 */
@Component
@ProcessingGroup(HeldDeliveryRelease.PROCESSING_GROUP)
@DisallowReplay
public class HeldDeliveryRelease {

    public static final String PROCESSING_GROUP = "connector-held-release";
    private static final String HELD_SINCE_LAST_PAUSE = "SELECT DISTINCT aggregate_identifier FROM "
            + EventStoreSql.EVENTS + " WHERE payload_type = '" + DeliveryHeld.class.getName() + "'"
            + " AND (payload::jsonb ->> 'connectionId') = :connectionId AND global_index > (SELECT"
            + " coalesce(max(global_index), 0) FROM " + EventStoreSql.EVENTS + " WHERE aggregate_identifier"
            + " = :connectionId AND payload_type = '" + ConnectionDeliveryPaused.class.getName() + "')";

    private final CommandSender commands;
    private final JdbcClient jdbc;

    HeldDeliveryRelease(CommandSender commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConnectionDeliveryResumed resumed, @Timestamp Instant at, MetaData metaData) {
        List<String> held = jdbc.sql(HELD_SINCE_LAST_PAUSE).param("connectionId", resumed.connectionId())
                .query(String.class).list();
        MetaData onBehalf = metaData.subset(MetaDataKeys.ACTOR, MetaDataKeys.REASON);
        for (String deliveryId : held) {
            commands.sendOnItsOwn(new RequestAttempt(deliveryId, AttemptTrigger.RESUME, null, at), onBehalf);
        }
    }
}
