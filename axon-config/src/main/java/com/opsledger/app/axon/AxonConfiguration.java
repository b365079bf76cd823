package com.opsledger.app.axon;

import com.opsledger.command.connector.DeliveryDispatcher;
import com.opsledger.command.connector.EndpointHealth;
import com.opsledger.command.connector.HeldDeliveryRelease;
import com.opsledger.command.connector.ReplayRunner;
import com.opsledger.command.feedback.GroupDecisionFanOut;
import com.opsledger.events.EventStoreSql;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

import com.opsledger.events.MetaDataKeys;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.time.Clock;
import java.util.List;

/**
 * Axon on PostgreSQL: the JDBC event store with JSON text payloads, duplicate-key detection that understands
 * PostgreSQL, and who-and-why metadata on every event.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, but storing payload and metadata as text (JSON from the
     * Jackson serializer) rather than bytea, so the event store reads as JSON in plain SQL.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(String.class)
                .build();
    }

    /*
     * Axon's JDBC defaults name tables and columns in camel case (DomainEventEntry.globalIndex), which PostgreSQL
     * folds to unreadable lower case. The Flyway schema uses snake case, as the rest of the database does.
     */

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EventStoreSql.EVENTS)
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    /** The dead-letter table of {@code db/axon/V2__dead_letters.sql}, in the snake case of the rest of the schema. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Every processing group with {@code axon.eventhandling.processors.<group>.dlq.enabled} parks the sequence of an
     * event its handlers fail on, and goes on with the rest. A rebuild empties its queue (the replay parks what still
     * fails again), and the processor remembers which sequences it parked instead of asking the table for every
     * event. Set here, not with Axon's {@code dlq.cache} property, whose registration would replace this one.
     *
     * <p>Such a processor's transactions nest as savepoints. A retry of dead letters runs each letter in a unit of
     * work inside the retry's own; joined to the outer transaction, as by default, a letter that failed again marked
     * it rollback-only, so the retry could record neither the failure nor the letters that did apply. Its batches are
     * top-level transactions, unchanged.
     */
    @Bean
    ConfigurerModule deadLettering(EventProcessorProperties properties, PlatformTransactionManager transactions) {
        TransactionManager nested = new SpringTransactionManager(transactions,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        return configurer -> properties.getProcessors().forEach((group, settings) -> {
            if (settings.getDlq().isEnabled()) {
                configurer.eventProcessing()
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, invoker) -> invoker
                                .allowReset(true)
                                .enableSequenceIdentifierCache())
                        .registerDeadLetterPolicy(group, config -> DeadLetterPolicy::decide)
                        .registerTransactionManager(group, config -> nested);
            }
        });
    }

    /**
     * The processor that takes group decisions to their members ({@link GroupDecisionFanOut}): one thread, one
     * segment (decisions of a group are applied in order), starting at the head of the store the first time it runs,
     * since decisions recorded before it existed were applied within their request. A failure is retried, never
     * skipped: a decision left half-applied would be a silent lie.
     */
    @Bean
    ConfigurerModule groupDecisionFanOutProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(GroupDecisionFanOut.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(GroupDecisionFanOut.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }

    private static final int CONNECTOR_BATCH = 100;

    /**
     * The connector area's command-side processors: the dispatcher that makes each due attempt ({@link
     * DeliveryDispatcher}), the release of held deliveries on resume ({@link HeldDeliveryRelease}), the endpoints'
     * health with its stall alerts ({@link EndpointHealth}) and the replay jobs ({@link ReplayRunner}). Each has one
     * thread and starts at the head of the store the first time it runs; a failure is retried, never skipped. What the
     * dispatcher misses (an attempt due while it was down, or before it first ran) is no loss: each attempt has a
     * watch deadline that declares it stalled and retries it. In batches of {@value #CONNECTOR_BATCH} events: the
     * commands a batch sends commit with its token, in one transaction (the replay jobs and the release send theirs
     * each on its own, so that their progress shows while they run).
     */
    @Bean
    ConfigurerModule connectorProcessors() {
        return configurer -> {
            for (String group : List.of(DeliveryDispatcher.PROCESSING_GROUP, HeldDeliveryRelease.PROCESSING_GROUP,
                    EndpointHealth.PROCESSING_GROUP, ReplayRunner.PROCESSING_GROUP)) {
                configurer.eventProcessing()
                        .registerTrackingEventProcessor(group, org.axonframework.config.Configuration::eventStore,
                                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andBatchSize(CONNECTOR_BATCH)
                                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                        .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance());
            }
        };
    }

    /**
     * PostgreSQL reports a unique violation as SQLState 23505, not as SQLIntegrityConstraintViolationException,
     * which Axon's default JDBC resolver looks for; without this two concurrent writers of one aggregate would get
     * an unexplained storage error instead of a concurrency conflict.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon's replay token keeps its reset context as a polymorphic {@code Object}; Jackson 3 refuses such types unless
     * told which classes may appear. Only Axon's own types and ours may: without this, a processor that was reset
     * could not read its token back.
     */
    @Bean
    Jackson3SerializerCustomizer allowAxonAndOpsLedgerTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("com.opsledger.")
                .build());
    }

    /** Correlation and trace ids; declared here because declaring any provider switches off Axon's default one. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who and why travel from each command onto every event it produces. */
    @Bean
    CorrelationDataProvider operatorContextCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR, MetaDataKeys.REASON, MetaDataKeys.SOURCE_IP);
    }

    @Bean
    OperatorContextInterceptor operatorContextInterceptor() {
        return new OperatorContextInterceptor();
    }
}
