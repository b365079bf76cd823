package com.opsledger.app.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health of the event processors this node runs ({@code /actuator/health}, component {@code eventProcessors}):
 * each one's running state, error, replay, whether every segment has caught up with the event store, and the events
 * parked in its dead-letter queue. Down when a processor has stopped or is in error; a processor still catching up
 * is healthy and says so, and so is one with dead letters: the rest of its events flow, and {@code warnings} names
 * where an operator lists, retries or evicts them.
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
        List<String> warnings = new ArrayList<>();
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
            long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
            details.put("deadLetters", deadLetters);
            if (deadLetters > 0) {
                warnings.add(name + ": " + deadLetters + " event(s) parked in the dead-letter queue; see "
                        + "/api/v1/admin/projections/" + name + "/dead-letters");
            }
            health.withDetail(name, details);
            if (error || !streaming.isRunning()) {
                health.down();
            }
        });
        if (!warnings.isEmpty()) {
            health.withDetail("warnings", warnings);
        }
        return health.build();
    }
}
