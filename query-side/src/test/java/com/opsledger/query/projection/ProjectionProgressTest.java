package com.opsledger.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a stored token says about one position: the core of the read-your-writes wait. */
class ProjectionProgressTest {

    private static final TrackingToken AT_100_WITH_GAPS = GapAwareTrackingToken.newInstance(100, List.of(40L, 90L));

    @Test
    void positionsUpToTheIndexAreProcessedExceptItsGaps() {
        assertThat(ProjectionProgress.processed(AT_100_WITH_GAPS, 100)).isTrue();
        assertThat(ProjectionProgress.processed(AT_100_WITH_GAPS, 41)).isTrue();
        assertThat(ProjectionProgress.processed(AT_100_WITH_GAPS, 90)).isFalse();
        assertThat(ProjectionProgress.processed(AT_100_WITH_GAPS, 101)).isFalse();
    }

    @Test
    void anOldGapDoesNotHoldBackLaterPositions() {
        // Axon's covers() would say no here: a gap below the position. A rolled-back transaction leaves such a gap
        // for good, so read-your-writes must not wait on it.
        assertThat(AT_100_WITH_GAPS.covers(GapAwareTrackingToken.newInstance(95, List.of()))).isFalse();
        assertThat(ProjectionProgress.processed(AT_100_WITH_GAPS, 95)).isTrue();
    }

    @Test
    void theLowestUncoveredPositionIsTheFirstGapOrTheNextIndex() {
        assertThat(ProjectionProgress.lowestUncovered(AT_100_WITH_GAPS)).isEqualTo(40);
        assertThat(ProjectionProgress.lowestUncovered(GapAwareTrackingToken.newInstance(7, List.of()))).isEqualTo(8);
        assertThat(ProjectionProgress.lowestUncovered(null)).isZero();
    }

    @Test
    void duringAReplayOnlyTheReplayedPartCounts() {
        TrackingToken replaying = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(500, List.of()),
                GapAwareTrackingToken.newInstance(200, List.of()));
        assertThat(ProjectionProgress.processed(replaying, 200)).isTrue();
        assertThat(ProjectionProgress.processed(replaying, 300)).isFalse();
    }
}
