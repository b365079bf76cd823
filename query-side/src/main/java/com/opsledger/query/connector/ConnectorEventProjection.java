package com.opsledger.query.connector;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.WireName;
import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.AttemptTrigger;
import com.opsledger.events.connector.DeliveryStatus;
import com.opsledger.events.connector.event.ConnectorEventAccepted;
import com.opsledger.events.connector.event.DeliveryAttemptDue;
import com.opsledger.events.connector.event.DeliveryAttemptFailed;
import com.opsledger.events.connector.event.DeliveryAttemptStalled;
import com.opsledger.events.connector.event.DeliveryAttemptSucceeded;
import com.opsledger.events.connector.event.DeliveryFailed;
import com.opsledger.events.connector.event.DeliveryHeld;
import com.opsledger.events.connector.event.DeliveryRetryScheduled;
import com.opsledger.events.connector.event.DeliverySkipped;
import com.opsledger.events.connector.event.DuplicateConnectorEventReceived;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/**
 * Connector event deliveries ({@value #TABLE}) and each of their attempts ({@value #ATTEMPTS}): where each accepted
 * inbound event stands on its way to its worker, failures first ({@code failure_rank}), and the full attempt history.
 */
@Component
@ProcessingGroup(ConnectorEventProjection.NAME)
class ConnectorEventProjection {

    static final String NAME = "connector-events-v1";
    /** The tables this version of the read model lives in. */
    static final String TABLE = "read_model.connector_delivery_v1";
    static final String ATTEMPTS = "read_model.connector_attempt_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.DELIVERY));

    /** The list shows failures first: failed, then retrying, skipped, held, attempting, delivered. */
    static final Map<DeliveryStatus, Integer> FAILURE_RANK = Map.of(DeliveryStatus.FAILED, 0,
            DeliveryStatus.RETRY_SCHEDULED, 1, DeliveryStatus.SKIPPED, 2, DeliveryStatus.HELD, 3,
            DeliveryStatus.ATTEMPTING, 4, DeliveryStatus.DELIVERED, 5);
    private static final String SET_STATUS = "UPDATE {table} SET status = :status, failure_rank = :rank";

    private final ProjectionWrites deliveries;
    private final ProjectionWrites attempts;

    ConnectorEventProjection(ReadModelTables tables) {
        this.deliveries = tables.writes(TABLE);
        this.attempts = tables.writes(ATTEMPTS);
    }

    @EventHandler
    void on(ConnectorEventAccepted e) {
        deliveries.sql("""
                        INSERT INTO {table} (delivery_id, connection_id, connector, org_id, workspace_id, upstream_id,
                            event_type, posture, payload_bytes, status, failure_rank, received_at)
                        VALUES (:id, :connection, :connector, :org, :workspace, :upstream, :type, :posture, :bytes,
                            :status, :rank, :at)
                        ON CONFLICT (delivery_id) DO NOTHING""")
                .param("id", e.deliveryId()).param("connection", e.connectionId()).param("connector", e.connector())
                .param("org", e.orgId()).param("workspace", e.workspaceId()).param("upstream", e.upstreamId())
                .param("type", e.eventType()).param("posture", WireName.of(e.posture()))
                .param("bytes", e.payload().getBytes(StandardCharsets.UTF_8).length)
                .param("status", WireName.of(DeliveryStatus.ATTEMPTING))
                .param("rank", FAILURE_RANK.get(DeliveryStatus.ATTEMPTING)).param("at", utc(e.receivedAt()))
                .queue();
    }

    @EventHandler
    void on(DuplicateConnectorEventReceived e) {
        deliveries.sql("UPDATE {table} SET duplicates = duplicates + 1 WHERE delivery_id = :id")
                .param("id", e.deliveryId()).queue();
    }

    /** A scheduled attempt takes the place of the waiting retry; one outside the schedule leaves it waiting. */
    @EventHandler
    void on(DeliveryAttemptDue e, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        attempts.sql("""
                        INSERT INTO {table} (delivery_id, attempt, connection_id, trigger, job_id, due_at,
                            watch_until, actor)
                        VALUES (:id, :attempt, :connection, :trigger, :job, :due, :watch, :actor)
                        ON CONFLICT (delivery_id, attempt) DO NOTHING""")
                .param("id", e.deliveryId()).param("attempt", e.attempt()).param("connection", e.connectionId())
                .param("trigger", WireName.of(e.trigger())).param("job", e.jobId()).param("due", utc(e.dueAt()))
                .param("watch", utc(e.watchUntil())).param("actor", actor)
                .queue();
        deliveries.sql(SET_STATUS + ", attempts = :attempt, next_attempt_at = CASE WHEN :scheduled THEN NULL"
                        + " ELSE next_attempt_at END WHERE delivery_id = :id")
                .param("status", WireName.of(DeliveryStatus.ATTEMPTING))
                .param("rank", FAILURE_RANK.get(DeliveryStatus.ATTEMPTING)).param("attempt", e.attempt())
                .param("scheduled", e.trigger() == AttemptTrigger.SCHEDULE).param("id", e.deliveryId())
                .queue();
    }

    @EventHandler
    void on(DeliveryAttemptSucceeded e) {
        attemptEnded(e.deliveryId(), e.attempt(), "succeeded", AttemptReason.DELIVERED, e.statusCode(),
                e.startedAt(), e.durationMillis(), e.responseExcerpt());
        deliveries.sql(SET_STATUS + ", last_reason = :reason, last_status_code = :code, last_attempt_at = :at,"
                        + " delivered_at = :at, next_attempt_at = NULL WHERE delivery_id = :id")
                .param("status", WireName.of(DeliveryStatus.DELIVERED))
                .param("rank", FAILURE_RANK.get(DeliveryStatus.DELIVERED))
                .param("reason", WireName.of(AttemptReason.DELIVERED)).param("code", e.statusCode())
                .param("at", utc(e.startedAt())).param("id", e.deliveryId())
                .queue();
    }

    /** A failure outside the schedule goes back to the retry that was waiting, if any (the aggregate's rule). */
    @EventHandler
    void on(DeliveryAttemptFailed e) {
        attemptEnded(e.deliveryId(), e.attempt(), "failed", e.reason(), e.statusCode(), e.startedAt(),
                e.durationMillis(), e.responseExcerpt());
        lastFailure(e.deliveryId(), e.reason(), e.statusCode(), e.startedAt());
    }

    @EventHandler
    void on(DeliveryAttemptStalled e) {
        attemptEnded(e.deliveryId(), e.attempt(), "stalled", AttemptReason.NO_OUTCOME, null, null, null,
                "no outcome by " + e.stalledAt());
        lastFailure(e.deliveryId(), AttemptReason.NO_OUTCOME, null, e.stalledAt());
    }

    @EventHandler
    void on(DeliveryRetryScheduled e) {
        deliveries.sql(SET_STATUS + ", next_attempt_at = :at WHERE delivery_id = :id")
                .param("status", WireName.of(DeliveryStatus.RETRY_SCHEDULED))
                .param("rank", FAILURE_RANK.get(DeliveryStatus.RETRY_SCHEDULED)).param("at", utc(e.at()))
                .param("id", e.deliveryId())
                .queue();
    }

    @EventHandler
    void on(DeliveryFailed e) {
        status(e.deliveryId(), DeliveryStatus.FAILED);
    }

    @EventHandler
    void on(DeliveryHeld e) {
        if (e.attempt() > 0) {
            attemptEnded(e.deliveryId(), e.attempt(), "held", null, null, null, null, "the connection is paused");
        }
        status(e.deliveryId(), DeliveryStatus.HELD);
    }

    @EventHandler
    void on(DeliverySkipped e) {
        if (e.attempt() > 0) {
            attemptEnded(e.deliveryId(), e.attempt(), "skipped", null, null, null, null,
                    "the connection is " + WireName.of(e.gate()));
        }
        status(e.deliveryId(), DeliveryStatus.SKIPPED);
    }

    private void status(String deliveryId, DeliveryStatus status) {
        deliveries.sql(SET_STATUS + ", next_attempt_at = NULL WHERE delivery_id = :id")
                .param("status", WireName.of(status)).param("rank", FAILURE_RANK.get(status))
                .param("id", deliveryId)
                .queue();
    }

    private void lastFailure(String deliveryId, AttemptReason reason, Integer statusCode, Instant at) {
        deliveries.sql("""
                        UPDATE {table} SET last_reason = :reason, last_status_code = :code, last_attempt_at = :at,
                            status = CASE WHEN next_attempt_at IS NOT NULL THEN :retrying ELSE status END,
                            failure_rank = CASE WHEN next_attempt_at IS NOT NULL THEN :retryRank ELSE failure_rank END
                        WHERE delivery_id = :id""")
                .param("reason", WireName.of(reason)).param("code", statusCode).param("at", utc(at))
                .param("retrying", WireName.of(DeliveryStatus.RETRY_SCHEDULED))
                .param("retryRank", FAILURE_RANK.get(DeliveryStatus.RETRY_SCHEDULED)).param("id", deliveryId)
                .queue();
    }

    private void attemptEnded(String deliveryId, int attempt, String outcome, AttemptReason reason,
                              Integer statusCode, Instant startedAt, Long durationMillis, String excerpt) {
        attempts.sql("""
                        UPDATE {table} SET outcome = :outcome, reason = :reason, status_code = :code,
                            started_at = :started, duration_ms = :duration, response_excerpt = :excerpt
                        WHERE delivery_id = :id AND attempt = :attempt""")
                .param("outcome", outcome).param("reason", reason == null ? null : WireName.of(reason))
                .param("code", statusCode).param("started", startedAt == null ? null : utc(startedAt))
                .param("duration", durationMillis).param("excerpt", excerpt).param("id", deliveryId)
                .param("attempt", attempt)
                .queue();
    }
}
