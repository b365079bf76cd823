package com.opsledger.query.connector;

import com.opsledger.query.sql.ListQuery;
import com.opsledger.query.sql.ListQuery.Key;
import com.opsledger.query.sql.ListQuery.Type;
import com.opsledger.query.sql.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.opsledger.query.sql.SqlValues.instant;
import static com.opsledger.query.sql.SqlValues.utc;

/** The reads of the connector screens, over the connector-events-v1, connections-v1 and connector-replays-v1 tables. */
@Component
class ConnectorQueries {

    /** The most attempts shown with one delivery: its schedule's (at most 20) and operators' redeliveries. */
    static final int ATTEMPTS_SHOWN = 500;
    /** The window of a connection's health figures. */
    static final String HEALTH_WINDOW = "1 hour";

    record DeliveryItem(String deliveryId, String connectionId, String connector, String orgId, String workspaceId,
                        String upstreamId, String eventType, String posture, int payloadBytes, String status,
                        int attempts, String lastReason, Integer lastStatusCode, Instant lastAttemptAt,
                        Instant nextAttemptAt, int duplicates, Instant receivedAt, Instant deliveredAt) {
    }

    /** One attempt; {@code outcome} null while it is in flight. */
    record AttemptItem(int attempt, String trigger, String jobId, String actor, Instant dueAt, Instant watchUntil,
                       String outcome, String reason, Integer statusCode, Instant startedAt, Long durationMillis,
                       String responseExcerpt) {
    }

    record DeliveryDetail(DeliveryItem delivery, List<AttemptItem> attempts) {
    }

    /** Filters of the delivery list; null means "any". */
    record DeliveryFilter(String connector, String connectionId, String orgId, String status, String upstreamId,
                          String posture, Instant since) {
    }

    /**
     * A connection with its health: over the last hour, its attempts, the share that delivered and the 95th
     * percentile of their durations; its queue (deliveries not yet delivered, failed or skipped).
     */
    record ConnectionItem(String connectionId, String platformId, String connector, String orgId, String workspaceId,
                          String endpointUrl, String scheme, String status, boolean paused, String disabledCause,
                          Instant disabledAt, Instant failingSince, int consecutiveFailures, Instant lastSuccessAt,
                          Instant lastFailureAt, Postures postures, long attemptsLastHour, Double successRateLastHour,
                          Long p95MillisLastHour, long queueDepth, String retrySchedule, long attemptTimeoutMillis,
                          Instant secretsRotatedAt, Instant registeredAt) {
    }

    record Postures(long verified, long unsigned, long signatureFailed, long timestampStale) {
    }

    /**
     * A connector of the catalog: its version and health as the platform reported them (null for one only named by
     * connections), and its connections by state.
     */
    record CatalogItem(String connector, String version, String health, String healthDetail, Instant reportedAt,
                       long connections, long connected, long degraded, long disconnected, long revoked, long paused,
                       long disabled) {
    }

    record ReplayItem(String jobId, String connectionId, Instant since, String state, long replayed,
                      long passedOver, Instant startedAt, String startedBy, String reason, Instant endedAt,
                      String canceledBy) {
    }

    /** Filters of the connection list; null means "any". */
    record ConnectionFilter(String connector, String orgId, String status, Boolean disabled, Boolean paused) {
    }

    private static final String CONNECTION_COLUMNS = "c.*"
            + ", (SELECT count(*) FROM " + ConnectorEventProjection.ATTEMPTS + " a WHERE a.connection_id ="
            + " c.connection_id AND a.due_at > now() - interval '" + HEALTH_WINDOW + "' AND a.outcome IN"
            + " ('succeeded', 'failed', 'stalled')) AS attempts_last_hour"
            + ", (SELECT avg(CASE WHEN a.outcome = 'succeeded' THEN 1.0 ELSE 0.0 END) FROM "
            + ConnectorEventProjection.ATTEMPTS + " a WHERE a.connection_id = c.connection_id AND a.due_at > now()"
            + " - interval '" + HEALTH_WINDOW + "' AND a.outcome IN ('succeeded', 'failed', 'stalled'))"
            + "::double precision AS success_rate"
            + ", (SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY a.duration_ms) FROM "
            + ConnectorEventProjection.ATTEMPTS + " a WHERE a.connection_id = c.connection_id AND a.due_at > now()"
            + " - interval '" + HEALTH_WINDOW + "' AND a.duration_ms IS NOT NULL) AS p95_ms"
            + ", (SELECT count(*) FROM " + ConnectorEventProjection.TABLE + " d WHERE d.connection_id ="
            + " c.connection_id AND d.status IN ('attempting', 'retry_scheduled', 'held')) AS queue_depth";
    private static final String CATALOG = "SELECT coalesce(k.name, c.connector) AS connector, k.version, k.health,"
            + " k.detail, k.observed_at, count(c.connection_id) AS connections"
            + ", count(*) FILTER (WHERE c.status = 'connected') AS connected"
            + ", count(*) FILTER (WHERE c.status = 'degraded') AS degraded"
            + ", count(*) FILTER (WHERE c.status = 'disconnected') AS disconnected"
            + ", count(*) FILTER (WHERE c.status = 'revoked') AS revoked"
            + ", count(*) FILTER (WHERE c.paused) AS paused"
            + ", count(*) FILTER (WHERE c.disabled_cause IS NOT NULL) AS disabled"
            + " FROM " + ConnectorCatalogProjection.TABLE + " k FULL JOIN " + ConnectionProjection.TABLE
            + " c ON c.connector = k.name GROUP BY 1, k.version, k.health, k.detail, k.observed_at ORDER BY 1"
            + " LIMIT 500";

    private final JdbcClient jdbc;

    ConnectorQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deliveries, failures first (failed, retrying, skipped, held, attempting, delivered) or newest first. */
    Page<DeliveryItem> deliveries(DeliveryFilter f, boolean failuresFirst, Integer limit, String cursor) {
        ListQuery query = ListQuery.of(ConnectorEventProjection.TABLE)
                .filter("connector = :connector", "connector", f.connector())
                .filter("connection_id = :connection", "connection", f.connectionId())
                .filter("org_id = :org", "org", f.orgId())
                .filter("status = :status", "status", f.status())
                .filter("upstream_id = :upstream", "upstream", f.upstreamId())
                .filter("posture = :posture", "posture", f.posture())
                .filter("received_at >= :since", "since", utc(f.since()));
        Key newest = Key.desc("received_at", Type.INSTANT);
        Key unique = Key.desc("delivery_id", Type.TEXT);
        return (failuresFirst ? query.orderBy(Key.asc("failure_rank", Type.INT), newest, unique)
                : query.orderBy(newest, unique)).page(jdbc, limit, cursor, ConnectorQueries::delivery);
    }

    Optional<DeliveryDetail> delivery(String deliveryId) {
        return jdbc.sql("SELECT * FROM " + ConnectorEventProjection.TABLE + " WHERE delivery_id = :id")
                .param("id", deliveryId).query(ConnectorQueries::delivery).optional()
                .map(d -> new DeliveryDetail(d, jdbc.sql("SELECT * FROM " + ConnectorEventProjection.ATTEMPTS
                                + " WHERE delivery_id = :id ORDER BY attempt LIMIT :limit")
                        .param("id", deliveryId).param("limit", ATTEMPTS_SHOWN)
                        .query(ConnectorQueries::attempt).list()));
    }

    Page<ConnectionItem> connections(ConnectionFilter f, Integer limit, String cursor) {
        return ListQuery.of(ConnectionProjection.TABLE + " c").select(CONNECTION_COLUMNS)
                .filter("c.connector = :connector", "connector", f.connector())
                .filter("c.org_id = :org", "org", f.orgId())
                .filter("c.status = :status", "status", f.status())
                .filterIf(Boolean.TRUE.equals(f.disabled()), "c.disabled_cause IS NOT NULL")
                .filterIf(Boolean.FALSE.equals(f.disabled()), "c.disabled_cause IS NULL")
                .filterIf(Boolean.TRUE.equals(f.paused()), "c.paused")
                .filterIf(Boolean.FALSE.equals(f.paused()), "NOT c.paused")
                .orderBy(Key.desc("c.registered_at", Type.INSTANT), Key.desc("c.connection_id", Type.TEXT))
                .page(jdbc, limit, cursor, ConnectorQueries::connection);
    }

    Page<ReplayItem> replays(String connectionId, String state, Integer limit, String cursor) {
        return ListQuery.of(ReplayJobProjection.TABLE)
                .filter("connection_id = :connection", "connection", connectionId)
                .filter("state = :state", "state", state)
                .orderBy(Key.desc("started_at", Type.INSTANT), Key.desc("job_id", Type.TEXT))
                .page(jdbc, limit, cursor, ConnectorQueries::replay);
    }

    Optional<ReplayItem> replay(String jobId) {
        return jdbc.sql("SELECT * FROM " + ReplayJobProjection.TABLE + " WHERE job_id = :id").param("id", jobId)
                .query(ConnectorQueries::replay).optional();
    }

    List<CatalogItem> catalog() {
        return jdbc.sql(CATALOG).query((rs, n) -> new CatalogItem(rs.getString("connector"), rs.getString("version"),
                rs.getString("health"), rs.getString("detail"), instant(rs, "observed_at"),
                rs.getLong("connections"), rs.getLong("connected"), rs.getLong("degraded"),
                rs.getLong("disconnected"), rs.getLong("revoked"), rs.getLong("paused"), rs.getLong("disabled")))
                .list();
    }

    private static DeliveryItem delivery(ResultSet rs, int n) throws SQLException {
        return new DeliveryItem(rs.getString("delivery_id"), rs.getString("connection_id"), rs.getString("connector"),
                rs.getString("org_id"), rs.getString("workspace_id"), rs.getString("upstream_id"),
                rs.getString("event_type"), rs.getString("posture"), rs.getInt("payload_bytes"),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_reason"),
                rs.getObject("last_status_code", Integer.class), instant(rs, "last_attempt_at"),
                instant(rs, "next_attempt_at"), rs.getInt("duplicates"), instant(rs, "received_at"),
                instant(rs, "delivered_at"));
    }

    private static ReplayItem replay(ResultSet rs, int n) throws SQLException {
        return new ReplayItem(rs.getString("job_id"), rs.getString("connection_id"), instant(rs, "since"),
                rs.getString("state"), rs.getLong("replayed"), rs.getLong("passed_over"), instant(rs, "started_at"),
                rs.getString("started_by"), rs.getString("reason"), instant(rs, "ended_at"),
                rs.getString("canceled_by"));
    }

    private static AttemptItem attempt(ResultSet rs, int n) throws SQLException {
        return new AttemptItem(rs.getInt("attempt"), rs.getString("trigger"), rs.getString("job_id"),
                rs.getString("actor"), instant(rs, "due_at"), instant(rs, "watch_until"), rs.getString("outcome"),
                rs.getString("reason"), rs.getObject("status_code", Integer.class), instant(rs, "started_at"),
                rs.getObject("duration_ms", Long.class), rs.getString("response_excerpt"));
    }

    private static ConnectionItem connection(ResultSet rs, int n) throws SQLException {
        return new ConnectionItem(rs.getString("connection_id"), rs.getString("platform_id"),
                rs.getString("connector"), rs.getString("org_id"), rs.getString("workspace_id"),
                rs.getString("endpoint_url"), rs.getString("scheme"), rs.getString("status"),
                rs.getBoolean("paused"), rs.getString("disabled_cause"), instant(rs, "disabled_at"),
                instant(rs, "failing_since"), rs.getInt("consecutive_failures"), instant(rs, "last_success_at"),
                instant(rs, "last_failure_at"), new Postures(rs.getLong("verified"), rs.getLong("unsigned"),
                rs.getLong("signature_failed"), rs.getLong("timestamp_stale")), rs.getLong("attempts_last_hour"),
                rs.getObject("success_rate", Double.class), rs.getObject("p95_ms", Long.class),
                rs.getLong("queue_depth"), rs.getString("retry_schedule"), rs.getLong("attempt_timeout_ms"),
                instant(rs, "secrets_rotated_at"), instant(rs, "registered_at"));
    }
}
