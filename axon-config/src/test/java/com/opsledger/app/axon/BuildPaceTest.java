package com.opsledger.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A build's processor threads rest after each batch for what their share of the machine leaves. */
class BuildPaceTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Long> rests = new ArrayList<>();

    @Test
    void aBatchIsFollowedByOneRestOfItsWorkTimesTheShareItLeaves() {
        ProjectionGenerationProcessors.Pace pace = new ProjectionGenerationProcessors.Pace(0.25, now::get, rests::add);
        now.set(1_000);
        // As a TrackingEventProcessor runs a batch: every event through the interceptors in one unit of work.
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("a"), GenericEventMessage.asEventMessage("b"),
                GenericEventMessage.asEventMessage("c")));
        batch.executeWithResult(() -> pace.handle(batch, this::tenMillisecondsOfWork));
        // 30 ms of work at a quarter of the time: 90 ms of rest, once, after the batch
        assertThat(rests).containsExactly(90_000_000L);
    }

    @Test
    void aRestNeverOutlastsASegmentClaim() {
        ProjectionGenerationProcessors.Pace pace = new ProjectionGenerationProcessors.Pace(0.01, now::get, rests::add);
        BatchingUnitOfWork<EventMessage<?>> batch =
                new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("a")));
        // a batch of 1 s at a hundredth of the time would rest 99 s
        batch.executeWithResult(() -> pace.handle(batch, () -> now.addAndGet(1_000_000_000L)));
        assertThat(rests).containsExactly(ProjectionGenerationProcessors.Pace.MAX_REST_NANOS);
    }

    @Test
    void aShareOfOneNeverRestsAndAShareOutsideZeroToOneIsRefused() {
        ProjectionGenerationProcessors.Pace pace = new ProjectionGenerationProcessors.Pace(1, now::get, rests::add);
        BatchingUnitOfWork<EventMessage<?>> batch =
                new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("a")));
        batch.executeWithResult(() -> pace.handle(batch, this::tenMillisecondsOfWork));
        assertThat(rests).containsExactly(0L);
        for (double share : new double[] {0, -0.5, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new ProjectionGenerationProcessors.Pace(share, now::get, rests::add))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("build-share");
        }
    }

    private Object tenMillisecondsOfWork() {
        now.addAndGet(10_000_000L);
        return null;
    }
}
