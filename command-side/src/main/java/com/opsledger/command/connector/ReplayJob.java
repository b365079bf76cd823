package com.opsledger.command.connector;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.RuleViolation;
import com.opsledger.events.connector.command.CancelReplay;
import com.opsledger.events.connector.command.RecordReplayProgress;
import com.opsledger.events.connector.command.StartReplay;
import com.opsledger.events.connector.event.ReplayCanceled;
import com.opsledger.events.connector.event.ReplayProgressed;
import com.opsledger.events.connector.event.ReplayStarted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A bulk replay of a connection's failed and skipped deliveries, run in the background by {@link ReplayRunner}: its
 * progress, and whether an operator canceled it.
 */
@Aggregate(type = AggregateTypes.REPLAY_JOB)
class ReplayJob {

    @AggregateIdentifier
    private String jobId;
    private String connectionId;
    private boolean canceled;
    private boolean finished;

    ReplayJob() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    @CommandHandler
    ReplayJob(StartReplay command) {
        if (command.since().isAfter(command.startedAt())) {
            throw new RuleViolation("a replay takes up deliveries since a time that has passed, not "
                    + command.since());
        }
        apply(new ReplayStarted(command.jobId(), command.connectionId(), command.since(), command.startedAt()));
    }

    /** Answers whether the job goes on: false once it was canceled or has finished. */
    @CommandHandler
    boolean handle(RecordReplayProgress command) {
        if (canceled || finished) {
            return false;
        }
        apply(new ReplayProgressed(jobId, connectionId, command.replayed(), command.passedOver(),
                command.finished()));
        return !command.finished();
    }

    @CommandHandler
    void handle(CancelReplay command) {
        if (canceled || finished) {
            throw new RuleViolation("replay " + jobId + " has " + (canceled ? "been canceled" : "finished")
                    + " already");
        }
        apply(new ReplayCanceled(jobId, connectionId));
    }

    @EventSourcingHandler
    void on(ReplayStarted event) {
        jobId = event.jobId();
        connectionId = event.connectionId();
    }

    @EventSourcingHandler
    void on(ReplayProgressed event) {
        finished = event.finished();
    }

    @EventSourcingHandler
    void on(ReplayCanceled event) {
        canceled = true;
    }
}
