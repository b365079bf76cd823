package com.opsledger.command.feedback;

import com.opsledger.command.CommandSender;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.feedback.command.ApplyGroupDecision;
import com.opsledger.events.feedback.command.RecordGroupDecisionProgress;
import com.opsledger.events.feedback.event.FeedbackGroupDecided;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Takes each group decision to the group's members, off the operator's request: one {@link ApplyGroupDecision} per
 * member, with the operator's actor, reason and trace, then the progress back to the group every
 * {@value #PROGRESS_EVERY} members and at the end.
 *
 * <p>Its tracking processor ({@value #PROCESSING_GROUP}, configured in {@code AxonConfiguration}) starts at the head
 * of the store the first time it runs: decisions recorded before it existed were applied within their request. A
 * crash in the middle of a fan-out resumes from the processor's token, that is from the start of the decision; the
 * members that followed it already answer so without a new event, so each member changes once.
 *
 * <p>A node that stops gives up a fan-out at once rather than finishing it first: the next node, or this one
 * started again, resumes it the same way.
 *
 * <p>A replay of its processor passes every decision by ({@code @DisallowReplay}): each was taken to its members when
 * it was first handled.
 *
 * <p>Each command runs on this class's own threads, outside the processor's unit of work: nested in it, Axon would
 * store every member's event only when the whole fan-out commits, in one transaction and all or nothing.
 */
@Component
@ProcessingGroup(GroupDecisionFanOut.PROCESSING_GROUP)
@DisallowReplay
public class GroupDecisionFanOut {

    public static final String PROCESSING_GROUP = "feedback-group-decisions";
    static final int PROGRESS_EVERY = 500;
    /** Members are separate aggregates, so a few are decided at once; each is a short transaction. */
    private static final int PARALLEL_MEMBERS = 4;
    private static final String[] ON_BEHALF_OF = {MetaDataKeys.ACTOR, MetaDataKeys.REASON, MetaDataKeys.SOURCE_IP,
            MessageOriginProvider.getDefaultTraceKey()};

    private final CommandSender commands;
    private volatile boolean stopping;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(PARALLEL_MEMBERS, task -> {
        Thread thread = new Thread(task, "group-decision-" + threadNumber.getAndIncrement());
        thread.setDaemon(true);
        return thread;
    });

    GroupDecisionFanOut(CommandSender commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(FeedbackGroupDecided decision, @SequenceNumber long sequence, MetaData metaData)
            throws InterruptedException {
        if (!decision.progressReported()) {
            return;
        }
        MetaData onBehalf = metaData.subset(ON_BEHALF_OF);
        List<String> members = decision.memberIds();
        int changed = 0;
        int leftAlone = 0;
        for (int from = 0; from < members.size(); from += PROGRESS_EVERY) {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (String member : members.subList(from, Math.min(members.size(), from + PROGRESS_EVERY))) {
                ApplyGroupDecision apply = new ApplyGroupDecision(member, decision.groupId(), sequence,
                        decision.decision());
                outcomes.add(threads.submit(() -> unlessStopping(() -> commands.<Boolean>send(apply, onBehalf))));
            }
            for (Future<Boolean> outcome : outcomes) {
                if (result(outcome)) {
                    changed++;
                } else {
                    leftAlone++;
                }
            }
            RecordGroupDecisionProgress progress = new RecordGroupDecisionProgress(decision.groupId(), sequence,
                    changed, leftAlone, from + PROGRESS_EVERY >= members.size());
            result(threads.submit(() -> commands.send(progress, onBehalf)));
        }
    }

    private <T> T unlessStopping(Supplier<T> command) {
        if (stopping) {
            throw new IllegalStateException("the node is stopping; the decision is resumed where it left off");
        }
        return command.get();
    }

    /** Published as the node starts to stop, before its event processors are stopped. */
    @EventListener(ContextClosedEvent.class)
    void nodeStopping() {
        stopping = true;
    }

    /** The command's answer; its failure fails the event, which the processor then tries again. */
    private static <T> T result(Future<T> command) throws InterruptedException {
        try {
            return command.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
