package com.opsledger.query.connector;

import com.opsledger.query.runtime.RuntimeTaskProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static com.opsledger.query.sql.SqlValues.instant;

/**
 * The runtime view: how many deliveries wait for each connection's worker and how many jobs and sandboxes each
 * runtime worker has queued or running (a spike at {@code opsledger.connector.queue-spike-threshold} or more), and
 * the delivery attempts that stalled in the last hour or are in flight past their watch time.
 */
@Component
class RuntimeQueries {

    /** The deepest queues shown, and the stalled attempts shown. */
    static final int SHOWN = 100;

    record Queue(String connectionId, String connector, String orgId, long depth, Instant oldestReceivedAt,
                 boolean spike) {
    }

    /** A worker's jobs and sandboxes not yet final, as the platform reports them. */
    record WorkerQueue(String worker, long queued, long running, boolean spike) {
    }

    record StalledAttempt(String deliveryId, int attempt, String connectionId, Instant dueAt, Instant watchUntil,
                          String outcome) {
    }

    /**
     * @param overdue attempts in flight past their watch time: the watch deadline has not fired yet (its polling
     *                interval) or no command node runs
     */
    record Runtime(List<Queue> queues, long spikes, List<WorkerQueue> workers, List<StalledAttempt> stalled,
                   long stalledLastHour, long overdue, long spikeThreshold) {
    }

    private static final String QUEUES = "SELECT d.connection_id, c.connector, c.org_id, count(*) AS depth,"
            + " min(d.received_at) AS oldest FROM " + ConnectorEventProjection.TABLE + " d LEFT JOIN "
            + ConnectionProjection.TABLE + " c ON c.connection_id = d.connection_id"
            + " WHERE d.status IN ('attempting', 'retry_scheduled', 'held')"
            + " GROUP BY d.connection_id, c.connector, c.org_id ORDER BY depth DESC, d.connection_id LIMIT :limit";
    private static final String SPIKES = "SELECT count(*) FROM (SELECT 1 FROM " + ConnectorEventProjection.TABLE
            + " WHERE status IN ('attempting', 'retry_scheduled', 'held') GROUP BY connection_id"
            + " HAVING count(*) >= :threshold) s";
    private static final String WORKERS = "SELECT worker, count(*) FILTER (WHERE status = 'queued') AS queued,"
            + " count(*) FILTER (WHERE status = 'running') AS running FROM " + RuntimeTaskProjection.TABLE
            + " WHERE status IN ('queued', 'running') GROUP BY worker ORDER BY count(*) DESC, worker LIMIT :limit";
    private static final String STALLED = "SELECT * FROM " + ConnectorEventProjection.ATTEMPTS
            + " WHERE (outcome = 'stalled' AND due_at > now() - interval '1 hour')"
            + " OR (outcome IS NULL AND watch_until < now()) ORDER BY due_at DESC LIMIT :limit";
    private static final String STALLED_LAST_HOUR = "SELECT count(*) FILTER (WHERE outcome = 'stalled') AS stalled,"
            + " count(*) FILTER (WHERE outcome IS NULL AND watch_until < now()) AS overdue FROM "
            + ConnectorEventProjection.ATTEMPTS + " WHERE (outcome = 'stalled' AND due_at > now() - interval '1 hour')"
            + " OR (outcome IS NULL AND watch_until < now())";

    private final JdbcClient jdbc;
    private final long spikeThreshold;

    RuntimeQueries(JdbcClient jdbc, @Value("${opsledger.connector.queue-spike-threshold:100}") long spikeThreshold) {
        this.jdbc = jdbc;
        this.spikeThreshold = spikeThreshold;
    }

    Runtime now() {
        List<Queue> queues = jdbc.sql(QUEUES).param("limit", SHOWN)
                .query((rs, n) -> new Queue(rs.getString("connection_id"), rs.getString("connector"),
                        rs.getString("org_id"), rs.getLong("depth"), instant(rs, "oldest"),
                        rs.getLong("depth") >= spikeThreshold)).list();
        long spikes = jdbc.sql(SPIKES).param("threshold", spikeThreshold).query(Long.class).single();
        List<WorkerQueue> workers = jdbc.sql(WORKERS).param("limit", SHOWN)
                .query((rs, n) -> new WorkerQueue(rs.getString("worker"), rs.getLong("queued"),
                        rs.getLong("running"), rs.getLong("queued") + rs.getLong("running") >= spikeThreshold))
                .list();
        List<StalledAttempt> stalled = jdbc.sql(STALLED).param("limit", SHOWN)
                .query((rs, n) -> new StalledAttempt(rs.getString("delivery_id"), rs.getInt("attempt"),
                        rs.getString("connection_id"), instant(rs, "due_at"), instant(rs, "watch_until"),
                        rs.getString("outcome"))).list();
        return jdbc.sql(STALLED_LAST_HOUR).query((rs, n) -> new Runtime(queues, spikes, workers, stalled,
                rs.getLong("stalled"), rs.getLong("overdue"), spikeThreshold)).single();
    }
}
