package com.opsledger.command.feedback;

import com.opsledger.command.CommandSender;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.feedback.event.FeedbackSubmitted;
import com.opsledger.events.feedback.command.RerunClassifier;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Re-runs the classifier over stored feedback once it has improved: every item submitted so far is sent a
 * {@link RerunClassifier}, in the order of the event log, on a thread of its own. Each item decides for itself
 * (operators' classifications and closed items stand), and records the change as a {@code FeedbackReclassified}
 * by actor {@value #ACTOR}, so the history says which classifier version changed what.
 *
 * <p>One run at a time per node. A run is idempotent: an item already classified the current way is unchanged, so
 * a run cut short by a restart is completed by starting it again.
 */
@Service
class ClassifierRerun {

    static final String ACTOR = "classifier";
    private static final Logger log = LoggerFactory.getLogger(ClassifierRerun.class);
    /** Who and why, on every command a run sends. */
    private static final MetaData BY_THE_CLASSIFIER = MetaData.from(Map.of(MetaDataKeys.ACTOR, ACTOR,
            MetaDataKeys.REASON, "classifier version " + FeedbackClassifier.VERSION));

    enum State { IDLE, RUNNING, FINISHED, FAILED }

    /** Where the last run is: how many items it looked at and what each became. */
    record Status(State state, String classifierVersion, String startedBy, Instant startedAt, Instant finishedAt,
                  long items, long reclassified, long explained, long unchanged, long skipped, long failed,
                  String error) {
    }

    private final EventStorageEngine events;
    private final CommandSender commands;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "classifier-rerun");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Run run;

    ClassifierRerun(EventStorageEngine events, CommandSender commands, Clock clock) {
        this.events = events;
        this.commands = commands;
        this.clock = clock;
    }

    /** Starts a run unless one is under way; answers with the run's status either way. */
    synchronized Status start(String startedBy) {
        if (run == null || run.state != State.RUNNING) {
            run = new Run(startedBy, clock.instant());
            Run started = run;
            worker.execute(started::execute);
        }
        return run.status();
    }

    Status status() {
        Run current = run;
        return current == null ? new Status(State.IDLE, FeedbackClassifier.VERSION, null, null, null, 0, 0, 0, 0, 0, 0, null)
                : current.status();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private final class Run {
        final String startedBy;
        final Instant startedAt;
        final AtomicLong items = new AtomicLong();
        final AtomicLong reclassified = new AtomicLong();
        final AtomicLong explained = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Instant finishedAt;
        volatile String error;

        Run(String startedBy, Instant startedAt) {
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        void execute() {
            try (Stream<? extends TrackedEventMessage<?>> history = events.readEvents(null, true)) {
                history.filter(event -> event instanceof DomainEventMessage<?>
                                && FeedbackSubmitted.class.equals(event.getPayloadType()))
                        .takeWhile(event -> !Thread.currentThread().isInterrupted())
                        .forEach(event -> rerun(((DomainEventMessage<?>) event).getAggregateIdentifier()));
                if (Thread.currentThread().isInterrupted()) {
                    error = "stopped with the node before the end; start it again to complete it";
                    state = State.FAILED;
                } else {
                    state = State.FINISHED;
                }
            } catch (RuntimeException e) {
                error = e.getMessage();
                state = State.FAILED;
                log.error("Re-running the classifier stopped", e);
            } finally {
                finishedAt = clock.instant();
            }
        }

        private void rerun(String feedbackId) {
            items.incrementAndGet();
            try {
                RerunOutcome outcome = commands.send(new RerunClassifier(feedbackId), BY_THE_CLASSIFIER);
                (switch (outcome) {
                    case RECLASSIFIED -> reclassified;
                    case EXPLAINED -> explained;
                    case UNCHANGED -> unchanged;
                    case SKIPPED -> skipped;
                }).incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                log.warn("Re-running the classifier over {} failed; the next run will try it again", feedbackId, e);
            }
        }

        Status status() {
            return new Status(state, FeedbackClassifier.VERSION, startedBy, startedAt, finishedAt, items.get(),
                    reclassified.get(), explained.get(), unchanged.get(), skipped.get(), failed.get(), error);
        }
    }
}
