package com.opsledger.query.projection;

import com.opsledger.events.EventStoreSql;
import com.opsledger.events.InvalidInput;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.SortedSet;

/**
 * How far each projection has got, read from the stored tracking tokens (so it holds across nodes), and the
 * read-your-writes wait: a read that names a position waits, up to {@code opsledger.read-your-writes.max-wait},
 * until every segment of the projection has processed it.
 */
@Component
public class ProjectionProgress {

    private static final long POLL_MILLIS = 10;
    /**
     * How many positions after a lagging segment's index are inspected, at most. Further behind, the projection counts
     * as behind without a look: among that many events a segment almost surely owns one, and if it owns none the
     * reader only waits a little longer, until the segment stores its token. Bounding the positions, not the events
     * found, keeps the look an index range scan of at most this many rows; bounded by a LIMIT, PostgreSQL read every
     * row from the index to the head, and during a rebuild each poll cost 46 ms (bench/README.md, tuning log).
     */
    private static final int MAX_POSITIONS_TO_INSPECT = 1000;

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Duration maxWait;

    ProjectionProgress(JdbcClient jdbc, Serializer serializer,
                       @Value("${opsledger.read-your-writes.max-wait:2s}") Duration maxWait) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.maxWait = maxWait;
    }

    /** The newest position in the event store, 0 when it is empty. */
    public long headPosition() {
        return jdbc.sql(EventStoreSql.HEAD_POSITION).query(Long.class).single();
    }

    /** The position every segment of the projection has passed; empty before it has started. */
    public OptionalLong position(String processingGroup) {
        List<TrackingToken> tokens = tokens(processingGroup);
        long lowest = Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            TrackingToken progress = progress(token);
            OptionalLong position = progress == null ? OptionalLong.empty() : progress.position();
            if (position.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, position.getAsLong());
        }
        return tokens.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /**
     * Whether the projection has processed every event up to {@code position}, gaps included.
     *
     * <p>A processor stores the token of a segment that had nothing to do only now and then, so a segment
     * whose stored token is behind may still have nothing left to do. It counts as behind only if an event it has not
     * covered belongs to it: an event of the read model's aggregate types whose aggregate hashes into the segment, as
     * under Axon's default sequential-per-aggregate policy, which every projection here uses.
     */
    public boolean hasReached(ReadModel readModel, long position) {
        Map<Integer, TrackingToken> tokens = tokensBySegment(readModel.processingGroup());
        if (tokens.isEmpty()) {
            return false;
        }
        Map<Segment, TrackingToken> behind = new HashMap<>();
        Segment[] segments = Segment.computeSegments(tokens.keySet().stream().mapToInt(Integer::intValue).toArray());
        for (Segment segment : segments) {
            TrackingToken token = tokens.get(segment.getSegmentId());
            if (lowestUncovered(token) <= position) {
                behind.put(segment, token);
            }
        }
        if (behind.isEmpty()) {
            return true;
        }
        // The events a lagging segment may still owe: those after its index, and those at its gaps. A gap that a
        // transaction killed with its node left behind has no event, so it never holds a read up.
        long after = behind.values().stream().mapToLong(ProjectionProgress::firstAfterIndex).min().orElse(0);
        if (position - after >= MAX_POSITIONS_TO_INSPECT) {
            return false;
        }
        Long[] gaps = behind.values().stream().flatMap(token -> gaps(token).stream())
                .filter(gap -> gap <= position).distinct().toArray(Long[]::new);
        List<Map.Entry<Long, String>> uncovered = jdbc.sql("""
                        SELECT global_index, aggregate_identifier FROM domain_event_entry
                        WHERE type IN (:types)
                          AND (global_index BETWEEN :after AND :to OR global_index = ANY (:gaps))""")
                .param("types", readModel.aggregateTypes()).param("after", after).param("to", position)
                .param("gaps", gaps)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        return uncovered.stream().noneMatch(event -> behind.entrySet().stream().anyMatch(segment ->
                segment.getKey().matches(event.getValue()) && !processed(segment.getValue(), event.getKey())));
    }

    /**
     * Whether a token has processed the event at {@code position}. Not Axon's {@code covers}: that also demands that
     * the token has no gaps below the position, and a transaction that died with its node leaves such a gap for good
     * (a sequence value with no event), which would make a read wait for an event that will never exist.
     */
    static boolean processed(TrackingToken token, long position) {
        TrackingToken progress = progress(token);
        if (progress instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        return progress != null && progress.position().orElse(-1) >= position;
    }

    /** The lowest position a token has not processed: its first gap, or the one after its index. */
    static long lowestUncovered(TrackingToken token) {
        return gaps(token).stream().findFirst().orElse(firstAfterIndex(token));
    }

    /** The position after the highest one a token has seen (0 before the first event). */
    private static long firstAfterIndex(TrackingToken token) {
        TrackingToken progress = progress(token);
        return progress == null ? 0 : progress.position().orElse(-1) + 1;
    }

    /** The positions below its index that a token has not seen, in order. */
    private static SortedSet<Long> gaps(TrackingToken token) {
        return progress(token) instanceof GapAwareTrackingToken gapAware
                ? gapAware.getGaps()
                : Collections.emptySortedSet();
    }

    /**
     * Waits until the projection has reached {@code minPosition} (no wait when it is null).
     *
     * @throws InvalidInput              when the position lies beyond the newest event: no command answered it
     * @throws ProjectionBehindException when the projection has not reached it within the configured time
     */
    public void await(List<ReadModel> readModels, Long minPosition) {
        for (ReadModel readModel : readModels) {
            await(readModel, minPosition);
        }
    }

    public void await(ReadModel readModel, Long minPosition) {
        if (minPosition == null || minPosition <= 0) {
            return;
        }
        long head = headPosition();
        if (minPosition > head) {
            throw new InvalidInput("minPosition", "is beyond the newest event (" + head + ")");
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!hasReached(readModel, minPosition)) {
            if (System.nanoTime() > deadline) {
                throw new ProjectionBehindException(readModel.processingGroup(), minPosition, maxWait);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionBehindException(readModel.processingGroup(), minPosition, maxWait);
            }
        }
    }

    /** What a segment has processed: a replay's progress rather than where it will end; null for nothing yet. */
    static TrackingToken progress(TrackingToken token) {
        return token == null ? null : WrappedToken.unwrapLowerBound(token);
    }

    private List<TrackingToken> tokens(String processingGroup) {
        return new ArrayList<>(tokensBySegment(processingGroup).values());
    }

    /** The stored token of each segment; null for a segment that has not stored one yet. */
    private Map<Integer, TrackingToken> tokensBySegment(String processingGroup) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.sql("SELECT segment, token, token_type FROM token_entry WHERE processor_name = :name")
                .param("name", processingGroup)
                .query(rs -> {
                    byte[] token = rs.getBytes("token");
                    tokens.put(rs.getInt("segment"), token == null ? null : (TrackingToken) serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null)));
                });
        return tokens;
    }
}
