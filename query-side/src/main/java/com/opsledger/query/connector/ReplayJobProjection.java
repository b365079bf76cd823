package com.opsledger.query.connector;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.connector.event.ReplayCanceled;
import com.opsledger.events.connector.event.ReplayProgressed;
import com.opsledger.events.connector.event.ReplayStarted;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/** Bulk replays of connector deliveries ({@value #TABLE}): who started them, why, how far they came, how they ended. */
@Component
@ProcessingGroup(ReplayJobProjection.NAME)
class ReplayJobProjection {

    static final String NAME = "connector-replays-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.connector_replay_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.REPLAY_JOB));

    private final ProjectionWrites writes;

    ReplayJobProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(ReplayStarted e, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
            @MetaDataValue(MetaDataKeys.REASON) String reason) {
        writes.sql("""
                        INSERT INTO {table} (job_id, connection_id, since, state, started_at, started_by, reason)
                        VALUES (:id, :connection, :since, 'running', :at, :actor, :reason)
                        ON CONFLICT (job_id) DO NOTHING""")
                .param("id", e.jobId()).param("connection", e.connectionId()).param("since", utc(e.since()))
                .param("at", utc(e.startedAt())).param("actor", actor).param("reason", reason)
                .queue();
    }

    @EventHandler
    void on(ReplayProgressed e, @Timestamp Instant at) {
        writes.sql("""
                        UPDATE {table} SET replayed = :replayed, passed_over = :passedOver,
                            state = CASE WHEN :finished THEN 'finished' ELSE state END,
                            ended_at = CASE WHEN :finished THEN :at ELSE ended_at END
                        WHERE job_id = :id""")
                .param("replayed", e.replayed()).param("passedOver", e.passedOver()).param("finished", e.finished())
                .param("at", utc(at)).param("id", e.jobId())
                .queue();
    }

    @EventHandler
    void on(ReplayCanceled e, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        writes.sql("UPDATE {table} SET state = 'canceled', ended_at = :at, canceled_by = :actor WHERE job_id = :id")
                .param("at", utc(at)).param("actor", actor).param("id", e.jobId())
                .queue();
    }
}
