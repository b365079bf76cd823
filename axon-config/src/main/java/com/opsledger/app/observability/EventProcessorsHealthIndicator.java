package com.opsledger.app.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the event processors this node runs ({@code /actuator/health}, component {@code eventProcessors}):
 * each one's running state, error, replay and whether every segment has caught up with the event store. Down when a
 * processor has stopped or is in error; a processor still catching up is healthy and says so.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
            boolean error = streaming.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", streaming.isRunning());
            details.put("error", error);
            details.put("replaying", streaming.isReplaying());
            details.put("caughtUp", !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
            details.put("segments", segments.size());
            health.withDetail(name, details);
            if (error || !streaming.isRunning()) {
                health.down();
            }
        });
        return health.build();
    }
}
