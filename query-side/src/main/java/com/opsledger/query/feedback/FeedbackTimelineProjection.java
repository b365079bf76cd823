package com.opsledger.query.feedback;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import static com.opsledger.query.sql.SqlValues.utc;

/**
 * The timeline of each feedback item ({@value #TABLE}): every event of the item with its
 * type, actor, reason, time and payload. Part of the queue's processing group, so it is rebuilt with it.
 */
@Component
@ProcessingGroup(FeedbackQueueProjection.NAME)
class FeedbackTimelineProjection {

    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.feedback_timeline_v1";


    private final ProjectionWrites writes;
    private final JsonMapper json;

    FeedbackTimelineProjection(ReadModelTables tables, JsonMapper json) {
        this.writes = tables.writes(TABLE);
        this.json = json;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        if (!AggregateTypes.FEEDBACK.equals(event.getType())) {
            return;
        }
        writes.sql("""
                        INSERT INTO {table} (event_id, feedback_id, sequence_number, event_type,
                            actor, reason, details, occurred_at)
                        VALUES (:eventId, :feedbackId, :sequence, :type, :actor, :reason, :details, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", event.getIdentifier())
                .param("feedbackId", event.getAggregateIdentifier())
                .param("sequence", event.getSequenceNumber())
                .param("type", payload.getClass().getSimpleName())
                .param("actor", event.getMetaData().get(MetaDataKeys.ACTOR))
                .param("reason", event.getMetaData().get(MetaDataKeys.REASON))
                .param("details", json.writeValueAsString(payload))
                .param("at", utc(event.getTimestamp()))
                .queue();
    }
}
