package com.opsledger.query.connector;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.WireName;
import com.opsledger.events.connector.ConnectionStatus;
import com.opsledger.events.connector.PostureCount;
import com.opsledger.events.connector.VerificationPosture;
import com.opsledger.events.connector.event.ConnectionDeliveryPaused;
import com.opsledger.events.connector.event.ConnectionDeliveryResumed;
import com.opsledger.events.connector.event.ConnectionRegistered;
import com.opsledger.events.connector.event.ConnectionSecretRotated;
import com.opsledger.events.connector.event.ConnectionStatusChanged;
import com.opsledger.events.connector.event.ConnectionStatusConfirmed;
import com.opsledger.events.connector.event.ConnectorEventAccepted;
import com.opsledger.events.connector.event.DeliveryAttemptFailed;
import com.opsledger.events.connector.event.DeliveryAttemptStalled;
import com.opsledger.events.connector.event.DeliveryAttemptSucceeded;
import com.opsledger.events.connector.event.EndpointDisabled;
import com.opsledger.events.connector.event.EndpointFailing;
import com.opsledger.events.connector.event.EndpointReEnabled;
import com.opsledger.events.connector.event.EndpointRecovered;
import com.opsledger.events.connector.event.InboundEventRefused;
import com.opsledger.events.connector.event.InboundEventsRefused;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.opsledger.query.sql.SqlValues.utc;

/**
 * Connections and their health ({@value #TABLE}): state, pause, the endpoint's failures since its last success, and
 * the verification posture of the inbound webhooks sent to it (refused ones included).
 */
@Component
@ProcessingGroup(ConnectionProjection.NAME)
class ConnectionProjection {

    static final String NAME = "connections-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.connection_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.CONNECTION,
            AggregateTypes.DELIVERY, AggregateTypes.INBOUND_REFUSAL));
    /** The counter column of each posture. */
    private static final Map<VerificationPosture, String> POSTURE_COLUMN = Map.of(
            VerificationPosture.VERIFIED, "verified", VerificationPosture.UNSIGNED, "unsigned",
            VerificationPosture.SIGNATURE_FAILED, "signature_failed",
            VerificationPosture.TIMESTAMP_STALE, "timestamp_stale");

    private final ProjectionWrites writes;

    ConnectionProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(ConnectionRegistered e, @Timestamp Instant at) {
        writes.sql("""
                        INSERT INTO {table} (connection_id, platform_id, connector, org_id, workspace_id,
                            endpoint_url, scheme, status, attempt_timeout_ms, retry_schedule, registered_at)
                        VALUES (:id, :platform, :connector, :org, :workspace, :endpoint, :scheme, :status, :timeout,
                            :schedule, :at)
                        ON CONFLICT (connection_id) DO NOTHING""")
                .param("id", e.connectionId()).param("platform", e.platformId()).param("connector", e.connector())
                .param("org", e.orgId()).param("workspace", e.workspaceId()).param("endpoint", e.endpointUrl())
                .param("scheme", WireName.of(e.scheme())).param("status", WireName.of(ConnectionStatus.CONNECTED))
                .param("timeout", e.attemptTimeout().toMillis())
                .param("schedule", e.retrySchedule().delays().stream().map(Duration::toString)
                        .collect(Collectors.joining(", ")) + " ±" + Math.round(e.retrySchedule().jitter() * 100) + "%")
                .param("at", utc(at))
                .queue();
    }

    @EventHandler
    void on(ConnectionStatusChanged e) {
        writes.sql("UPDATE {table} SET status = :status, status_observed_at = :at WHERE connection_id = :id")
                .param("status", WireName.of(e.to())).param("at", utc(e.observedAt())).param("id", e.connectionId())
                .queue();
    }

    @EventHandler
    void on(ConnectionStatusConfirmed e) {
        update(e.connectionId(), "status_observed_at = :value", utc(e.observedAt()));
    }

    @EventHandler
    void on(ConnectionSecretRotated e) {
        update(e.connectionId(), "secrets_rotated_at = :value", utc(e.rotatedAt()));
    }

    @EventHandler
    void on(ConnectionDeliveryPaused e) {
        update(e.connectionId(), "paused = :value", true);
    }

    @EventHandler
    void on(ConnectionDeliveryResumed e) {
        update(e.connectionId(), "paused = :value", false);
    }

    @EventHandler
    void on(EndpointFailing e) {
        update(e.connectionId(), "failing_since = :value", utc(e.since()));
    }

    @EventHandler
    void on(EndpointRecovered e) {
        update(e.connectionId(), "failing_since = :value", null);
    }

    @EventHandler
    void on(EndpointDisabled e) {
        writes.sql("UPDATE {table} SET disabled_cause = :cause, disabled_at = :at WHERE connection_id = :id")
                .param("cause", WireName.of(e.cause())).param("at", utc(e.at())).param("id", e.connectionId())
                .queue();
    }

    @EventHandler
    void on(EndpointReEnabled e) {
        writes.sql("UPDATE {table} SET disabled_cause = NULL, disabled_at = NULL, failing_since = NULL,"
                + " consecutive_failures = 0 WHERE connection_id = :id").param("id", e.connectionId()).queue();
    }

    @EventHandler
    void on(ConnectorEventAccepted e) {
        posture(e.connectionId(), e.posture());
    }

    @EventHandler
    void on(InboundEventRefused e) {
        posture(e.connectionId(), e.posture());
    }

    @EventHandler
    void on(InboundEventsRefused e) {
        for (PostureCount count : e.postures()) {
            posture(e.connectionId(), count.posture(), count.count());
        }
    }

    @EventHandler
    void on(DeliveryAttemptSucceeded e) {
        update(e.connectionId(), "consecutive_failures = 0, last_success_at = :value", utc(e.startedAt()));
    }

    @EventHandler
    void on(DeliveryAttemptFailed e) {
        update(e.connectionId(), "consecutive_failures = consecutive_failures + 1, last_failure_at = :value",
                utc(e.startedAt()));
    }

    @EventHandler
    void on(DeliveryAttemptStalled e) {
        update(e.connectionId(), "consecutive_failures = consecutive_failures + 1, last_failure_at = :value",
                utc(e.stalledAt()));
    }

    /** Counts the posture of a webhook sent to the connection; one sent to no connection changes no row. */
    private void posture(String connectionId, VerificationPosture posture) {
        posture(connectionId, posture, 1);
    }

    private void posture(String connectionId, VerificationPosture posture, int count) {
        String column = POSTURE_COLUMN.get(posture);
        if (column != null) {
            writes.sql("UPDATE {table} SET " + column + " = " + column + " + :count WHERE connection_id = :id")
                    .param("count", count).param("id", connectionId).queue();
        }
    }

    /** {@code assignment} names its value {@code :value}; each is a constant of this class. */
    private void update(String connectionId, String assignment, Object value) {
        writes.sql("UPDATE {table} SET " + assignment + " WHERE connection_id = :id")
                .param("value", value).param("id", connectionId).queue();
    }
}
