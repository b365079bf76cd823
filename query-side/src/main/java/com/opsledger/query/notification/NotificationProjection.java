package com.opsledger.query.notification;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.WireName;
import com.opsledger.events.notification.event.NotificationAcknowledged;
import com.opsledger.events.notification.event.NotificationReceived;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/** Platform notifications ({@value #TABLE}) and whether, by whom and when they were acknowledged. */
@Component
@ProcessingGroup(NotificationProjection.NAME)
class NotificationProjection {

    static final String NAME = "notifications-v1";

    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.notification_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.NOTIFICATION));

    private final ProjectionWrites writes;

    NotificationProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(NotificationReceived e, @Timestamp Instant receivedAt) {
        writes.sql("""
                        INSERT INTO {table} (notification_id, platform_id, kind, source, severity,
                            summary, details, occurred_at, received_at, acknowledged)
                        VALUES (:id, :platformId, :kind, :source, :severity, :summary, :details, :occurredAt,
                            :receivedAt, false)
                        ON CONFLICT (notification_id) DO NOTHING""")
                .param("id", e.notificationId())
                .param("platformId", e.platformId())
                .param("kind", WireName.of(e.kind()))
                .param("source", e.source())
                .param("severity", WireName.of(e.severity()))
                .param("summary", e.summary())
                .param("details", e.detailsJson())
                .param("occurredAt", utc(e.occurredAt()))
                .param("receivedAt", utc(receivedAt))
                .queue();
    }

    @EventHandler
    void on(NotificationAcknowledged e, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        writes.sql("""
                        UPDATE {table} SET acknowledged = true, acknowledged_by = :actor,
                            acknowledged_at = :at
                        WHERE notification_id = :id""")
                .param("actor", actor).param("at", utc(at)).param("id", e.notificationId())
                .queue();
    }
}
