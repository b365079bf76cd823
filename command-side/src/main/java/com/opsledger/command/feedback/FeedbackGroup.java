package com.opsledger.command.feedback;

import com.opsledger.command.AggregateCaching;
import com.opsledger.events.AggregateTypes;
import com.opsledger.events.feedback.command.AddFeedbackToGroup;
import com.opsledger.events.feedback.command.DecideFeedbackGroup;
import com.opsledger.events.feedback.command.RecordGroupDecisionProgress;
import com.opsledger.events.feedback.event.FeedbackGroupBurstDetected;
import com.opsledger.events.feedback.event.FeedbackGroupDecided;
import com.opsledger.events.feedback.event.FeedbackGroupDecisionProgressed;
import com.opsledger.events.feedback.event.FeedbackGroupMemberAdded;
import com.opsledger.events.feedback.event.FeedbackGroupOpened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

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
 * burst (its {@link BurstPolicy}) and records one operator decision for all open members at once, which
 * {@link GroupDecisionFanOut} then takes to each of them, reporting progress back here.
 */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.FEEDBACK_GROUP)
@EnableConfigurationProperties(BurstPolicy.class) // the settings of its rule, read where the rule runs
class FeedbackGroup {

    @AggregateIdentifier
    private String groupId;
    private final List<String> members = new ArrayList<>();
    private final Set<String> memberSet = new HashSet<>();
    private final Deque<Instant> recentArrivals = new ArrayDeque<>();
    private boolean burst;
    private long lastFinishedDecision = -1;

    FeedbackGroup() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddFeedbackToGroup command, BurstPolicy burstPolicy) {
        if (groupId == null) {
            apply(new FeedbackGroupOpened(command.groupId(), command.fingerprint(), command.classification()));
        }
        if (memberSet.contains(command.feedbackId())) {
            return;
        }
        apply(new FeedbackGroupMemberAdded(groupId, command.feedbackId(), members.size() + 1, command.seenAt()));
        if (!burst) {
            burstPolicy.burstAt(recentArrivals, command.seenAt()).ifPresent(inWindow -> apply(
                    new FeedbackGroupBurstDetected(groupId, inWindow, burstPolicy.window().toSeconds(),
                            command.seenAt())));
        }
    }

    /** Records the decision and answers at once with the number of members it goes to. */
    @CommandHandler
    int handle(DecideFeedbackGroup command) {
        apply(new FeedbackGroupDecided(groupId, command.decision(), List.copyOf(members), true));
        return members.size();
    }

    @CommandHandler
    void handle(RecordGroupDecisionProgress command) {
        if (command.decisionSequence() <= lastFinishedDecision) {
            return;
        }
        apply(new FeedbackGroupDecisionProgressed(groupId, command.decisionSequence(), command.changed(),
                command.leftAlone(), command.finished()));
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
        if (recentArrivals.size() > BurstPolicy.MAX_THRESHOLD) {
            recentArrivals.removeFirst();
        }
    }

    @EventSourcingHandler
    void on(FeedbackGroupBurstDetected event) {
        burst = true;
    }

    @EventSourcingHandler
    void on(FeedbackGroupDecisionProgressed event) {
        if (event.finished()) {
            lastFinishedDecision = Math.max(lastFinishedDecision, event.decisionSequence());
        }
    }
}
