package com.opsledger.command.feedback;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.feedback.command.AddFeedbackToGroup;
import com.opsledger.events.feedback.command.DecideFeedbackGroup;
import com.opsledger.events.feedback.event.FeedbackGroupBurstDetected;
import com.opsledger.events.feedback.event.FeedbackGroupDecided;
import com.opsledger.events.feedback.event.FeedbackGroupMemberAdded;
import com.opsledger.events.feedback.event.FeedbackGroupOpened;
import com.opsledger.command.AggregateCaching;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Feedback items that share a fingerprint: duplicate reports and repeated probes. Counts its members, notices a
 * burst (N members within a window) and takes one operator decision for all open members at once.
 */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.FEEDBACK_GROUP)
class FeedbackGroup {

    /** Burst thresholds above this are refused by configuration, so the group never keeps more arrival times. */
    static final int MAX_BURST_THRESHOLD = 1000;

    @AggregateIdentifier
    private String groupId;
    private final List<String> members = new ArrayList<>();
    private final Set<String> memberSet = new HashSet<>();
    private final Deque<Instant> recentArrivals = new ArrayDeque<>();
    private boolean burst;

    FeedbackGroup() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddFeedbackToGroup command) {
        if (groupId == null) {
            apply(new FeedbackGroupOpened(command.groupId(), command.fingerprint(), command.classification()));
        }
        if (memberSet.contains(command.feedbackId())) {
            return;
        }
        apply(new FeedbackGroupMemberAdded(groupId, command.feedbackId(), members.size() + 1, command.seenAt()));
        if (!burst) {
            Instant windowStart = command.seenAt().minus(command.burstWindow());
            int inWindow = (int) recentArrivals.stream().filter(at -> !at.isBefore(windowStart)).count();
            if (inWindow >= command.burstThreshold()) {
                apply(new FeedbackGroupBurstDetected(groupId, inWindow, command.burstWindow().toSeconds(),
                        command.seenAt()));
            }
        }
    }

    /** Answers with the members the decision goes to; each applies it only while still open. */
    @CommandHandler
    List<String> handle(DecideFeedbackGroup command) {
        List<String> memberIds = List.copyOf(members);
        apply(new FeedbackGroupDecided(groupId, command.decision(), memberIds));
        return memberIds;
    }

    @EventSourcingHandler
    void on(FeedbackGroupOpened event) {
        groupId = event.groupId();
    }

    @EventSourcingHandler
    void on(FeedbackGroupMemberAdded event) {
        members.add(event.feedbackId());
        memberSet.add(event.feedbackId());
        recentArrivals.addLast(event.seenAt());
        if (recentArrivals.size() > MAX_BURST_THRESHOLD) {
            recentArrivals.removeFirst();
        }
    }

    @EventSourcingHandler
    void on(FeedbackGroupBurstDetected event) {
        burst = true;
    }
}
