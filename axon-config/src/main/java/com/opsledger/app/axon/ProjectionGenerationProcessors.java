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
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The processors that build a new generation of a read model beside the live one ({@code ProjectionRebuilds}): made
 * as Axon's configuration makes the live processing group's (the same segments, threads and batch size from {@code
 * axon.eventhandling.processors.<group>}, the same dead-letter policy and nested transactions), but with a name,
 * tokens and dead-letter queue of their own, and the handler instances given.
 * <p>
 * A build shares the machine with the live service, whose readers it must not slow: each of its threads works at most
 * {@code opsledger.projections.build-share} of the time (0.25 by default) and rests the rest, after each batch's
 * commit, for as long as the batch's share demands. On two cores a build left unpaced took both of them, and the
 * queue's reads at 200/s went from 10 ms at p99 to 54 ms; at 0.25, 23 ms (bench/README).
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
    /** The rest after each batch of a build (none with a share of 1). */
    private final Pace pace;

    ProjectionGenerationProcessors(Configuration configuration, EventProcessorProperties properties,
                                   DeadLetterSchema deadLetterSchema, ConnectionProvider connections,
                                   PlatformTransactionManager transactions, Serializer serializer,
                                   @Qualifier("eventSerializer") Serializer eventSerializer,
                                   @Value("${opsledger.projections.build-share:0.25}") double share) {
        this.pace = new Pace(share);
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
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(invoker)
                .messageSource(configuration.eventStore())
                .tokenStore(configuration.getComponent(TokenStore.class))
                .transactionManager(nested)
                .trackingEventProcessorConfiguration(tracking)
                .build();
        processor.registerHandlerInterceptor(pace);
        return processor;
    }

    /**
     * Rests a processor thread after each batch for {@code (1 - share) / share} of the time the batch took from its
     * first event to its commit: the handlers and the writes, where a build's work is. (Timed from the last rest, an
     * idle wait for new events would count as work.) A batch is one unit of work: its first event registers the rest.
     * A rest lasts at most {@link #MAX_REST_NANOS}: a resting thread does not renew its segments' claims, and another
     * node takes over a claim left alone for the token store's claim timeout (10 s by default).
     */
    static final class Pace implements MessageHandlerInterceptor<EventMessage<?>> {

        static final long MAX_REST_NANOS = TimeUnit.SECONDS.toNanos(2);
        private static final String REST = Pace.class.getName();
        private final double restPerWork;
        private final LongSupplier clock;
        private final LongConsumer rest;

        Pace(double share) {
            this(share, System::nanoTime, Pace::sleep);
        }

        /** With the clock (nanoseconds) and the rest (given nanoseconds) of a test. */
        Pace(double share, LongSupplier clock, LongConsumer rest) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("opsledger.projections.build-share must be in (0, 1], not " + share);
            }
            this.restPerWork = (1 - share) / share;
            this.clock = clock;
            this.rest = rest;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             InterceptorChain interceptorChain) throws Exception {
            UnitOfWork<?> batch = unitOfWork.root();
            batch.getOrComputeResource(REST, key -> {
                long start = clock.getAsLong();
                batch.onCleanup(u -> rest.accept(
                        Math.min(MAX_REST_NANOS, (long) ((clock.getAsLong() - start) * restPerWork))));
                return start;
            });
            return interceptorChain.proceed();
        }

        private static void sleep(long nanos) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
