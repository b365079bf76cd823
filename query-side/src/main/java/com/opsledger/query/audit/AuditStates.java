package com.opsledger.query.audit;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.EventStoreSql;
import com.opsledger.events.InvalidInput;
import com.opsledger.events.Instants;
import com.opsledger.query.audit.AuditQueries.AuditEvent;
import com.opsledger.query.audit.AuditQueries.AuditFilter;
import com.opsledger.query.projection.ProjectionFold;
import com.opsledger.query.projection.ReadModel;
import com.opsledger.query.projection.ProjectionFold.Read;
import com.opsledger.query.sql.Page;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An aggregate as it was at a point of the history: its events up to then (by global position, or by time), run
 * through the read model's own projection ({@link ProjectionFold}), so that the state is what the read model would
 * have shown had it stopped there.
 */
@Component
class AuditStates {

    /**
     * What can be asked for as of a point: the aggregate whose events make it (a spend request is part of its
     * wallet), the projection that reads them, and the rows of its tables that are the thing's state.
     */
    enum Kind {
        FEEDBACK("feedback", AggregateTypes.FEEDBACK, "feedback-queue-v2",
                id -> List.of(new Read("read_model.feedback_v2", "feedback_id", id))),
        NOTIFICATION("notification", AggregateTypes.NOTIFICATION, "notifications-v1",
                id -> List.of(new Read("read_model.notification_v1", "notification_id", id))),
        WALLET("wallet", AggregateTypes.WALLET, "wallets-v1",
                id -> List.of(new Read("read_model.wallet_v1", "wallet_id", id),
                        new Read("read_model.wallet_policy_v1", "wallet_id", id))),
        SPEND_REQUEST("spend-request", AggregateTypes.WALLET, "spend-requests-v1",
                id -> List.of(new Read("read_model.spend_request_v1", "spend_request_id", id))),
        DELIVERY("delivery", AggregateTypes.DELIVERY, "connector-events-v1",
                id -> List.of(new Read("read_model.connector_delivery_v1", "delivery_id", id),
                        new Read("read_model.connector_attempt_v1", "delivery_id", id)));

        final String path;
        final String aggregateType;
        final String projection;
        final Function<String, List<Read>> reads;

        Kind(String path, String aggregateType, String projection, Function<String, List<Read>> reads) {
            this.path = path;
            this.aggregateType = aggregateType;
            this.projection = projection;
            this.reads = reads;
        }

        static Kind of(String path) {
            return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No audit state for "
                            + path + "; there is for " + Arrays.stream(values()).map(kind -> kind.path).toList()));
        }
    }

    /**
     * The state of {@code id} as of {@code position} (the last event folded; every event of the aggregate up to
     * it), by table, and the events that made it, in order (the first page; the aggregate's whole history through
     * {@code /events?aggregateId=...&toPosition=...}).
     */
    record AggregateState(String kind, String id, String aggregateType, String aggregateId, String asOf,
                          long position, int eventsFolded, Map<String, List<Map<String, Object>>> state,
                          Page<AuditEvent> events) {
    }

    private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}");

    private final EventStore eventStore;
    private final ProjectionFold fold;
    private final AuditQueries queries;
    private final JdbcClient jdbc;

    AuditStates(EventStore eventStore, ProjectionFold fold, AuditQueries queries, JdbcClient jdbc) {
        this.eventStore = eventStore;
        this.fold = fold;
        this.queries = queries;
        this.jdbc = jdbc;
    }

    /** The live read model of the kind, which a read of it as of a point may wait for (minPosition). */
    ReadModel readModelOf(String kindPath) {
        Kind kind = Kind.of(kindPath);
        return new ReadModel(kind.projection, Set.of(kind.aggregateType));
    }

    /** {@code asOf}: a global position, or a time (ISO-8601); null: now. */
    AggregateState asOf(String kindPath, String id, String asOf) {
        Kind kind = Kind.of(kindPath);
        Long atPosition = asOf != null && POSITION.matcher(asOf).matches() ? Long.parseLong(asOf) : null;
        Instant atTime = asOf != null && atPosition == null ? Instants.parse("asOf", asOf) : null;
        if (atPosition != null) {
            // As minPosition: a position no event has reached yet names no state, and is refused alike.
            long head = jdbc.sql(EventStoreSql.HEAD_POSITION).query(Long.class).single();
            if (atPosition > head) {
                throw new InvalidInput("asOf", "is beyond the newest event (" + head + ")");
            }
        }
        String aggregateId = kind == Kind.SPEND_REQUEST ? walletOf(id) : id;
        Map<String, Long> positions = new HashMap<>();
        jdbc.sql("SELECT event_identifier, global_index FROM domain_event_entry WHERE aggregate_identifier = :id "
                        + "AND type = :type")
                .param("id", aggregateId).param("type", kind.aggregateType)
                .query(rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                });
        List<DomainEventMessage<?>> events = new ArrayList<>();
        long last = 0;
        if (!positions.isEmpty()) {
            DomainEventStream stream = eventStore.readEvents(aggregateId);
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                long position = positions.getOrDefault(event.getIdentifier(), Long.MAX_VALUE);
                if (atPosition != null && position > atPosition || atTime != null && event.getTimestamp()
                        .isAfter(atTime)) {
                    break;
                }
                events.add(event);
                last = position;
            }
        }
        if (events.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + kind.path + " " + id
                    + (asOf == null ? "" : " as of " + asOf));
        }
        Map<String, List<Map<String, Object>>> state = fold.fold(kind.projection, events, kind.reads.apply(id));
        Page<AuditEvent> history = queries.events(new AuditFilter(kind.aggregateType, aggregateId, null, null, null,
                null, null, null, null, last), null, null);
        return new AggregateState(kind.path, id, kind.aggregateType, aggregateId, asOf, last, events.size(), state,
                history);
    }

    private String walletOf(String spendRequestId) {
        return jdbc.sql("SELECT wallet_id FROM read_model.spend_request_v1 WHERE spend_request_id = :id")
                .param("id", spendRequestId).query(String.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No spend-request "
                        + spendRequestId));
    }
}
