package com.opsledger.app.observability;

import com.opsledger.events.EventStoreSql;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * Processor lag for Prometheus: {@code opsledger_processor_lag_events{processor=...}}, how many events the slowest
 * segment this node runs is behind the head of the event store.
 */
@Component
class ProcessorLagMetrics {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final MeterRegistry registry;

    ProcessorLagMetrics(EventProcessingConfiguration processing, JdbcClient jdbc, MeterRegistry registry) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("opsledger.processor.lag", streaming, this::lag)
                        .description("Events between the head of the event store and the slowest segment")
                        .baseUnit("events")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong position = status.getCurrentPosition();
            slowest = Math.min(slowest, position.orElse(0));
        }
        if (slowest == Long.MAX_VALUE) {
            return Double.NaN;
        }
        long head = jdbc.sql(EventStoreSql.HEAD_POSITION).query(Long.class).single();
        return Math.max(0, head - slowest);
    }
}
