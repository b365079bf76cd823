package com.opsledger.query.feedback;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.WireName;
import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.event.FeedbackArchived;
import com.opsledger.events.feedback.event.FeedbackAssigned;
import com.opsledger.events.feedback.event.FeedbackCompleted;
import com.opsledger.events.feedback.event.FeedbackHandedOff;
import com.opsledger.events.feedback.event.FeedbackReclassified;
import com.opsledger.events.feedback.event.FeedbackReopened;
import com.opsledger.events.feedback.FeedbackState;
import com.opsledger.events.feedback.event.FeedbackSubmitted;
import com.opsledger.events.feedback.event.FeedbackTriaged;
import com.opsledger.events.feedback.event.FeedbackWorkStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/**
 * The feedback queue ({@value #TABLE}): one row per item with its current state and classification.
 * Rows change only here, in the processor's transaction, together with its token. Version 2 ({@link
 * FeedbackQueueV2Projection}) is this projection with one more column.
 */
@Component
@ProcessingGroup(FeedbackQueueProjection.NAME)
class FeedbackQueueProjection {

    static final String NAME = "feedback-queue-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.feedback_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.FEEDBACK));

    private final ProjectionWrites writes;
    private final JsonMapper json;
    private final boolean triageTime;

    @Autowired
    FeedbackQueueProjection(ReadModelTables tables, JsonMapper json) {
        this(tables, json, TABLE, false);
    }

    /** The queue in {@code table}; with {@code triageTime}, also the seconds to each item's first triage. */
    FeedbackQueueProjection(ReadModelTables tables, JsonMapper json, String table, boolean triageTime) {
        this.writes = tables.writes(table);
        this.json = json;
        this.triageTime = triageTime;
    }

    @EventHandler
    void on(FeedbackSubmitted e, @Timestamp Instant at) {
        Classification c = e.classification();
        writes.sql("""
                        INSERT INTO {table} (feedback_id, submission_id, org_id, workspace_id, user_id,
                            channel, message, page, context, state, security_classes, signal, severity, severity_rank,
                            findings, group_id, submitted_at, updated_at)
                        VALUES (:id, :submission, :org, :workspace, :user, :channel, :message, :page, :context, :state,
                            :classes, :signal, :severity, :rank, :findings, :group, :submittedAt, :at)
                        ON CONFLICT (feedback_id) DO NOTHING""")
                .param("id", e.feedbackId())
                .param("submission", e.submissionId())
                .param("org", e.orgId())
                .param("workspace", e.workspaceId())
                .param("user", e.userId())
                .param("channel", e.channel())
                .param("message", e.message())
                .param("page", e.page())
                .param("context", e.contextJson())
                .param("state", WireName.of(FeedbackState.OPEN))
                .param("classes", classes(c))
                .param("signal", WireName.of(c.signal()))
                .param("severity", WireName.of(c.severity()))
                .param("rank", c.severity().ordinal())
                .param("findings", findings(c))
                .param("group", e.groupId())
                .param("submittedAt", utc(e.submittedAt()))
                .param("at", utc(at))
                .queue();
    }

    @EventHandler
    void on(FeedbackTriaged e, @Timestamp Instant at) {
        if (triageTime) {
            writes.sql("""
                            UPDATE {table} SET triage_seconds = floor(extract(epoch FROM :at - submitted_at))
                            WHERE feedback_id = :id AND triage_seconds IS NULL""")
                    .param("at", utc(at)).param("id", e.feedbackId())
                    .queue();
        }
        moveTo(e.feedbackId(), FeedbackState.TRIAGED, at);
    }

    @EventHandler
    void on(FeedbackWorkStarted e, @Timestamp Instant at) {
        moveTo(e.feedbackId(), FeedbackState.IN_PROGRESS, at);
    }

    @EventHandler
    void on(FeedbackCompleted e, @Timestamp Instant at) {
        moveTo(e.feedbackId(), FeedbackState.DONE, at);
    }

    @EventHandler
    void on(FeedbackArchived e, @Timestamp Instant at) {
        moveTo(e.feedbackId(), FeedbackState.ARCHIVED, at);
    }

    @EventHandler
    void on(FeedbackReopened e, @Timestamp Instant at) {
        moveTo(e.feedbackId(), FeedbackState.OPEN, at);
    }

    @EventHandler
    void on(FeedbackReclassified e, @Timestamp Instant at) {
        Classification c = e.classification();
        writes.sql("""
                        UPDATE {table} SET security_classes = :classes, signal = :signal,
                            severity = :severity, severity_rank = :rank, findings = :findings, updated_at = :at
                        WHERE feedback_id = :id""")
                .param("classes", classes(c))
                .param("signal", WireName.of(c.signal()))
                .param("severity", WireName.of(c.severity()))
                .param("rank", c.severity().ordinal())
                .param("findings", findings(c))
                .param("at", utc(at))
                .param("id", e.feedbackId())
                .queue();
    }

    @EventHandler
    void on(FeedbackAssigned e, @Timestamp Instant at) {
        writes.sql("UPDATE {table} SET assignee = :assignee, updated_at = :at WHERE feedback_id = :id")
                .param("assignee", e.assignee()).param("at", utc(at)).param("id", e.feedbackId())
                .queue();
    }

    @EventHandler
    void on(FeedbackHandedOff e, @Timestamp Instant at) {
        writes.sql("""
                        UPDATE {table} SET handoff_team = :team, handoff_note = :note, updated_at = :at
                        WHERE feedback_id = :id""")
                .param("team", e.destinationTeam()).param("note", e.note()).param("at", utc(at))
                .param("id", e.feedbackId())
                .queue();
    }


    private void moveTo(String feedbackId, FeedbackState state, Instant at) {
        writes.sql("UPDATE {table} SET state = :state, updated_at = :at WHERE feedback_id = :id")
                .param("state", WireName.of(state)).param("at", utc(at)).param("id", feedbackId)
                .queue();
    }

    private static String[] classes(Classification c) {
        return c.securityClasses().stream().map(WireName::of).toArray(String[]::new);
    }

    /** The findings as the item shows them: class by its wire name, rule, excerpt. */
    private String findings(Classification c) {
        return json.writeValueAsString(c.findings().stream()
                .map(f -> new FeedbackQueries.Evidence(WireName.of(f.securityClass()), f.rule(), f.excerpt())).toList());
    }
}
