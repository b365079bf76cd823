package com.opsledger.query.audit;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.OrgScoped;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.stereotype.Component;

import static com.opsledger.query.sql.SqlValues.utc;

/**
 * The audit trail's index ({@value #EVENTS}): every event of the store under its global position, with its
 * aggregate, type, time, actor, reason, source address, correlation and causation, and the organisation of each aggregate ({@value
 * #AGGREGATES}). The history API filters here and reads payload and metadata from the event store itself.
 */
@Component
@ProcessingGroup(AuditEventProjection.NAME)
class AuditEventProjection {

    static final String NAME = "audit-events-v1";
    static final String EVENTS = "read_model.audit_event_v1";
    static final String AGGREGATES = "read_model.audit_aggregate_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, AggregateTypes.ALL);

    private final ProjectionWrites events;
    private final ProjectionWrites aggregates;

    AuditEventProjection(ReadModelTables tables) {
        this.events = tables.writes(EVENTS);
        this.aggregates = tables.writes(AGGREGATES);
    }

    /**
     * The event's position is read from the store by its id: a tracking token's position is the highest the
     * processor has seen, so for an event that fills a gap (its transaction committed after a later one's) it is not
     * the event's own.
     */
    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        MetaData metaData = event.getMetaData();
        events.sql("""
                        INSERT INTO {table} (position, event_id, aggregate_type, aggregate_id, sequence_number,
                            event_type, occurred_at, actor, reason, source_ip, correlation_id, causation_id)
                        SELECT global_index, :eventId, :aggregateType, :aggregateId, :sequence, :type, :at, :actor,
                            :reason, :sourceIp, :correlation, :causation
                        FROM domain_event_entry WHERE event_identifier = :eventId
                        ON CONFLICT (position) DO NOTHING""")
                .param("eventId", event.getIdentifier())
                .param("aggregateType", domain == null ? null : domain.getType())
                .param("aggregateId", domain == null ? null : domain.getAggregateIdentifier())
                .param("sequence", domain == null ? null : domain.getSequenceNumber())
                .param("type", payload.getClass().getSimpleName())
                .param("at", utc(event.getTimestamp()))
                .param("actor", text(metaData.get(MetaDataKeys.ACTOR)))
                .param("reason", text(metaData.get(MetaDataKeys.REASON)))
                .param("sourceIp", text(metaData.get(MetaDataKeys.SOURCE_IP)))
                .param("correlation", text(metaData.get(MessageOriginProvider.getDefaultTraceKey())))
                .param("causation", text(metaData.get(MessageOriginProvider.getDefaultCorrelationKey())))
                .queue();
        if (domain != null && payload instanceof OrgScoped scoped && scoped.orgId() != null) {
            aggregates.sql("""
                            INSERT INTO {table} (aggregate_id, aggregate_type, org_id)
                            VALUES (:aggregateId, :aggregateType, :orgId)
                            ON CONFLICT (aggregate_id) DO NOTHING""")
                    .param("aggregateId", domain.getAggregateIdentifier())
                    .param("aggregateType", domain.getType())
                    .param("orgId", scoped.orgId())
                    .queue();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
