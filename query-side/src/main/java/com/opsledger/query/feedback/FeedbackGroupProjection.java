package com.opsledger.query.feedback;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.WireName;
import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.event.FeedbackGroupBurstDetected;
import com.opsledger.events.feedback.event.FeedbackGroupDecided;
import com.opsledger.events.feedback.event.FeedbackGroupDecisionProgressed;
import com.opsledger.events.feedback.event.FeedbackGroupMemberAdded;
import com.opsledger.events.feedback.event.FeedbackGroupOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/** Duplicate/burst groups ({@value #TABLE}): size, first and last seen, burst, last decision. */
@Component
@ProcessingGroup(FeedbackGroupProjection.NAME)
class FeedbackGroupProjection {

    static final String NAME = "feedback-groups-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.feedback_group_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.FEEDBACK_GROUP));

    private final ProjectionWrites writes;

    FeedbackGroupProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(FeedbackGroupOpened e) {
        Classification c = e.classification();
        writes.sql("""
                        INSERT INTO {table} (group_id, fingerprint, security_classes, signal,
                            severity, severity_rank, member_count, burst)
                        VALUES (:id, :fingerprint, :classes, :signal, :severity, :rank, 0, false)
                        ON CONFLICT (group_id) DO NOTHING""")
                .param("id", e.groupId())
                .param("fingerprint", e.fingerprint())
                .param("classes", c.securityClasses().stream().map(WireName::of).toArray(String[]::new))
                .param("signal", WireName.of(c.signal()))
                .param("severity", WireName.of(c.severity()))
                .param("rank", c.severity().ordinal())
                .queue();
    }

    @EventHandler
    void on(FeedbackGroupMemberAdded e) {
        writes.sql("""
                        UPDATE {table} SET member_count = :count,
                            first_seen = coalesce(least(first_seen, :seen), :seen),
                            last_seen = coalesce(greatest(last_seen, :seen), :seen)
                        WHERE group_id = :id""")
                .param("count", e.memberCount()).param("seen", utc(e.seenAt())).param("id", e.groupId())
                .queue();
    }

    @EventHandler
    void on(FeedbackGroupBurstDetected e) {
        writes.sql("UPDATE {table} SET burst = true, burst_detected_at = :at WHERE group_id = :id")
                .param("at", utc(e.detectedAt())).param("id", e.groupId())
                .queue();
    }

    /** A decision taken before its progress was recorded (applied within its request) shows none. */
    @EventHandler
    void on(FeedbackGroupDecided e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        writes.sql("""
                        UPDATE {table} SET last_decision = :decision, last_decision_by = :actor,
                            last_decision_at = :at, decision_sequence = :sequence, decision_members = :members,
                            decision_changed = :none, decision_left_alone = :none, decision_finished = :finished
                        WHERE group_id = :id""")
                .param("decision", WireName.of(e.decision())).param("actor", actor).param("at", utc(at))
                .param("sequence", sequence)
                .param("members", e.progressReported() ? e.memberIds().size() : null)
                .param("none", e.progressReported() ? 0 : null)
                .param("finished", e.progressReported() ? false : null)
                .param("id", e.groupId())
                .queue();
    }

    @EventHandler
    void on(FeedbackGroupDecisionProgressed e) {
        writes.sql("""
                        UPDATE {table} SET decision_changed = :changed, decision_left_alone = :leftAlone,
                            decision_finished = :finished
                        WHERE group_id = :id AND decision_sequence = :sequence""")
                .param("changed", e.changed()).param("leftAlone", e.leftAlone()).param("finished", e.finished())
                .param("id", e.groupId()).param("sequence", e.decisionSequence())
                .queue();
    }
}
