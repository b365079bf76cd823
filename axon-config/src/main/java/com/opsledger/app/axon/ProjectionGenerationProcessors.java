package com.opsledger.app.axon;

import com.opsledger.query.projection.GenerationProcessors;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.List;

/**
 * The processors that build a new generation of a read model beside the live one ({@code ProjectionRebuilds}): made
 * as Axon's configuration makes the live processing group's (the same segments, threads and batch size from {@code
 * axon.eventhandling.processors.<group>}, the same dead-letter policy and nested transactions), but with a name,
 * tokens and dead-letter queue of their own, and the handler instances given.
 */
@Component
class ProjectionGenerationProcessors implements GenerationProcessors {

    private final Configuration configuration;
    private final EventProcessorProperties properties;
    private final DeadLetterSchema deadLetterSchema;
    private final ConnectionProvider connections;
    private final TransactionManager nested;
    private final Serializer serializer;
    private final Serializer eventSerializer;

    ProjectionGenerationProcessors(Configuration configuration, EventProcessorProperties properties,
                                   DeadLetterSchema deadLetterSchema, ConnectionProvider connections,
                                   PlatformTransactionManager transactions, Serializer serializer,
                                   @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.configuration = configuration;
        this.properties = properties;
        this.deadLetterSchema = deadLetterSchema;
        this.connections = connections;
        this.nested = new SpringTransactionManager(transactions,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public StreamingEventProcessor create(String processorName, String liveGroup, List<Object> handlers) {
        EventProcessorProperties.ProcessorSettings settings = properties.getProcessors().get(liveGroup);
        JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(processorName)
                .connectionProvider(connections)
                .transactionManager(configuration.getComponent(TransactionManager.class))
                .schema(deadLetterSchema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(handlers.stream().map(handler -> new AnnotationEventHandlerAdapter(handler,
                        configuration.parameterResolverFactory(),
                        configuration.handlerDefinition(handler.getClass()))).toList())
                .queue(queue)
                .enqueuePolicy(DeadLetterPolicy::decide)
                .transactionManager(nested)
                .allowReset(true)
                .enableSequenceIdentifierCache()
                .build();
        int segments = settings == null || settings.getInitialSegmentCount() == null ? 1
                : settings.getInitialSegmentCount();
        TrackingEventProcessorConfiguration tracking = TrackingEventProcessorConfiguration
                .forParallelProcessing(settings == null ? 1 : settings.getThreadCount())
                .andInitialSegmentsCount(segments)
                .andBatchSize(settings == null ? 100 : settings.getBatchSize());
        return TrackingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(invoker)
                .messageSource(configuration.eventStore())
                .tokenStore(configuration.getComponent(TokenStore.class))
                .transactionManager(nested)
                .trackingEventProcessorConfiguration(tracking)
                .build();
    }
}
