package com.opsledger.command.connector;

import com.opsledger.command.CommandSender;
import com.opsledger.events.EventStoreSql;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.connector.AttemptTrigger;
import com.opsledger.events.connector.command.RecordReplayProgress;
import com.opsledger.events.connector.command.RequestAttempt;
import com.opsledger.events.connector.event.DeliveryFailed;
import com.opsledger.events.connector.event.DeliverySkipped;
import com.opsledger.events.connector.event.ReplayStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Runs replay jobs ({@link ReplayStarted}): walks the connection's deliveries that failed or were skipped since the
 * job's time, from the event store (the partial index of migration V21) a page at a time, and asks each for a
 * {@link AttemptTrigger#REPLAY} attempt, which a delivery no longer failed or skipped, or replayed by this job
 * already, passes over. Progress is recorded every {@value #PROGRESS_EVERY} deliveries, and a cancel is seen there.
 * Its tracking processor ({@value #PROCESSING_GROUP}) is never replayed; a crash mid-job resumes it from the start,
 * and each delivery still changes once per job.
 */
@Component
@ProcessingGroup(ReplayRunner.PROCESSING_GROUP)
@DisallowReplay
public class ReplayRunner {

    public static final String PROCESSING_GROUP = "connector-replays";
    static final int PROGRESS_EVERY = 100;
    private static final int PAGE = 1000;
    /** The failed and skipped deliveries of a connection, in the order they failed or were skipped. */
    private static final String CANDIDATES = "SELECT global_index, aggregate_identifier, time_stamp FROM "
            + EventStoreSql.EVENTS + " WHERE payload_type IN ('" + DeliveryFailed.class.getName() + "', '"
            + DeliverySkipped.class.getName() + "') AND (payload::jsonb ->> 'connectionId') = :connectionId"
            + " AND global_index > :after ORDER BY global_index LIMIT :limit";

    private record Candidate(long position, String deliveryId, Instant at) {
    }

    private final CommandSender commands;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReplayRunner(CommandSender commands, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(ReplayStarted job, MetaData metaData) {
        MetaData onBehalf = metaData.subset(MetaDataKeys.ACTOR, MetaDataKeys.REASON);
        long replayed = 0;
        long passedOver = 0;
        long after = 0;
        List<Candidate> page;
        do {
            page = jdbc.sql(CANDIDATES).param("connectionId", job.connectionId()).param("after", after)
                    .param("limit", PAGE)
                    .query((rs, n) -> new Candidate(rs.getLong("global_index"), rs.getString("aggregate_identifier"),
                            Instant.parse(rs.getString("time_stamp")))).list();
            for (Candidate candidate : page) {
                after = candidate.position();
                if (candidate.at().isBefore(job.since())) {
                    continue;
                }
                boolean madeDue = commands.sendOnItsOwn(new RequestAttempt(candidate.deliveryId(),
                        AttemptTrigger.REPLAY, job.jobId(), clock.instant()), onBehalf);
                if (madeDue) {
                    replayed++;
                } else {
                    passedOver++;
                }
                if ((replayed + passedOver) % PROGRESS_EVERY == 0 && !progress(job, replayed, passedOver, false)) {
                    return;
                }
            }
        } while (page.size() == PAGE);
        progress(job, replayed, passedOver, true);
    }

    private boolean progress(ReplayStarted job, long replayed, long passedOver, boolean finished) {
        return commands.sendOnItsOwn(new RecordReplayProgress(job.jobId(), replayed, passedOver, finished),
                Delivery.system());
    }
}
