package com.opsledger.query.audit;

import com.opsledger.events.InvalidInput;
import com.opsledger.query.sql.ListQuery;
import com.opsledger.query.sql.ListQuery.Key;
import com.opsledger.query.sql.ListQuery.Type;
import com.opsledger.query.sql.Page;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.opsledger.query.sql.SqlValues.instant;
import static com.opsledger.query.sql.SqlValues.utc;

/**
 * The reads of the audit trail: the index of {@link AuditEventProjection} for the filters, the event store for each
 * event's payload and metadata as stored.
 */
@Component
class AuditQueries {

    /** Rows the driver fetches at a time when an export streams through a cursor. */
    private static final int EXPORT_FETCH_SIZE = 1000;
    private static final String EVENTS = AuditEventProjection.EVENTS + " a";
    private static final String STORED = "LEFT JOIN domain_event_entry e ON e.global_index = a.position";
    private static final String COLUMNS = """
            a.position, a.event_id, a.aggregate_type, a.aggregate_id, a.sequence_number, a.event_type,
            a.occurred_at, a.actor, a.reason, a.source_ip, a.correlation_id, a.causation_id,
            e.payload_type, e.payload_revision, e.payload, e.meta_data""";

    /**
     * One event as stored. {@code correlationId} is the id of the first message of its chain, {@code causationId}
     * that of the message that caused it; {@code payload} and {@code metaData} are the stored JSON as stored (null
     * only when the event store no longer has the row, which the chain's verifier reports).
     */
    record AuditEvent(long position, String eventId, String aggregateType, String aggregateId, Long sequenceNumber,
                      String eventType, String payloadType, String payloadRevision, Instant occurredAt, String actor,
                      String reason, String sourceIp, String correlationId, String causationId, StoredJson payload,
                      StoredJson metaData) {
    }

    /**
     * The history's filters; null means "any". Positions are inclusive, {@code since} inclusive and {@code until}
     * exclusive.
     */
    record AuditFilter(String aggregateType, String aggregateId, String eventType, String actor,
                       String correlationId, String orgId, Instant since, Instant until, Long fromPosition,
                       Long toPosition) {

        AuditFilter {
            if (fromPosition != null && fromPosition < 1) {
                throw new InvalidInput("fromPosition", "must be at least 1");
            }
            if (toPosition != null && toPosition < 1) {
                throw new InvalidInput("toPosition", "must be at least 1");
            }
            if (fromPosition != null && toPosition != null && toPosition < fromPosition) {
                throw new InvalidInput("toPosition", "must not be before fromPosition");
            }
            if (since != null && until != null && !until.isAfter(since)) {
                throw new InvalidInput("until", "must be after since");
            }
        }

        AuditFilter upTo(long position) {
            return new AuditFilter(aggregateType, aggregateId, eventType, actor, correlationId, orgId, since, until,
                    fromPosition, position);
        }
    }

    /** What one actor did: how many events, when first and last, by event type. */
    record ActorSummary(String actor, long events, Instant firstAt, Instant lastAt, List<TypeCount> byEventType) {
    }

    record TypeCount(String aggregateType, String eventType, long events) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate snapshot;

    AuditQueries(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    Page<AuditEvent> events(AuditFilter filter, Integer limit, String cursor) {
        return list(filter).orderBy(Key.asc("a.position", Type.LONG)).page(jdbc, limit, cursor, AuditQueries::event);
    }

    /** An actor's events, newest first. */
    Page<AuditEvent> eventsOf(String actor, Integer limit, String cursor) {
        return list(new AuditFilter(null, null, null, actor, null, null, null, null, null, null))
                .orderBy(Key.desc("a.position", Type.LONG)).page(jdbc, limit, cursor, AuditQueries::event);
    }

    ActorSummary summary(String actor) {
        List<TypeCount> types = jdbc.sql("""
                        SELECT aggregate_type, event_type, count(*) AS events FROM read_model.audit_event_v1
                        WHERE actor = :actor GROUP BY aggregate_type, event_type ORDER BY events DESC, event_type""")
                .param("actor", actor)
                .query((rs, n) -> new TypeCount(rs.getString("aggregate_type"), rs.getString("event_type"),
                        rs.getLong("events")))
                .list();
        return jdbc.sql("""
                        SELECT count(*) AS events, min(occurred_at) AS first_at, max(occurred_at) AS last_at
                        FROM read_model.audit_event_v1 WHERE actor = :actor""")
                .param("actor", actor)
                .query((rs, n) -> new ActorSummary(actor, rs.getLong("events"), instant(rs, "first_at"),
                        instant(rs, "last_at"), types))
                .single();
    }

    /**
     * Streams every event of the filter in position order, up to the position the index had reached when the export
     * began (or the filter's own bound), all read in one snapshot of the database: the export is the history as it
     * stood at one moment, however long it takes to send.
     */
    void export(AuditFilter filter, AuditExport export) {
        snapshot.executeWithoutResult(status -> {
            long indexed = jdbc.sql("SELECT coalesce(max(position), 0) FROM read_model.audit_event_v1")
                    .query(Long.class).single();
            long upTo = filter.toPosition() == null ? indexed : Math.min(filter.toPosition(), indexed);
            export.begin(upTo);
            if (upTo >= (filter.fromPosition() == null ? 1 : filter.fromPosition())) {
                RowCallbackHandler each = rs -> export.write(event(rs, 0));
                list(filter.upTo(upTo)).orderBy(Key.asc("a.position", Type.LONG)).each(streaming, each);
            }
            Map<String, Object> chain = jdbc.sql("SELECT position, hash FROM audit.chain_entry "
                    + "WHERE position <= :upTo ORDER BY position DESC LIMIT 1").param("upTo", upTo).query().listOfRows()
                    .stream().findFirst().orElse(Map.of());
            export.end((Long) chain.get("position"), AuditHash.hex((byte[]) chain.get("hash")));
        });
    }

    /** What {@code reads} returns, all of them read in one read-only snapshot of the database: answers that agree. */
    <T> T allInOneSnapshot(Supplier<T> reads) {
        return snapshot.execute(status -> reads.get());
    }

    /** Runs {@code work} on one connection in a read-only snapshot of the database. */
    <T> T inSnapshot(ConnectionCallback<T> work) {
        return snapshot.execute(status -> streaming.getJdbcTemplate().execute(work));
    }

    private static ListQuery list(AuditFilter filter) {
        return ListQuery.of(EVENTS).join(STORED).select(COLUMNS)
                .filter("a.aggregate_type = :aggregateType", "aggregateType", filter.aggregateType())
                .filter("a.aggregate_id = :aggregateId", "aggregateId", filter.aggregateId())
                .filter("a.event_type = :eventType", "eventType", filter.eventType())
                .filter("a.actor = :actor", "actor", filter.actor())
                .filter("a.correlation_id = :correlationId", "correlationId", filter.correlationId())
                .filter("a.aggregate_id IN (SELECT aggregate_id FROM " + AuditEventProjection.AGGREGATES
                        + " WHERE org_id = :orgId)", "orgId", filter.orgId())
                .filter("a.occurred_at >= :since", "since", utc(filter.since()))
                .filter("a.occurred_at < :until", "until", utc(filter.until()))
                .filter("a.position >= :fromPosition", "fromPosition", filter.fromPosition())
                .filter("a.position <= :toPosition", "toPosition", filter.toPosition());
    }

    private static AuditEvent event(ResultSet rs, int n) throws SQLException {
        return new AuditEvent(rs.getLong("position"), rs.getString("event_id"), rs.getString("aggregate_type"),
                rs.getString("aggregate_id"), rs.getObject("sequence_number", Long.class),
                rs.getString("event_type"), rs.getString("payload_type"), rs.getString("payload_revision"),
                instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("reason"),
                rs.getString("source_ip"), rs.getString("correlation_id"), rs.getString("causation_id"),
                StoredJson.of(rs.getString("payload")), StoredJson.of(rs.getString("meta_data")));
    }
}
