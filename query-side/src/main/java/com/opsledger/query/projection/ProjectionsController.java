package com.opsledger.query.projection;

import com.opsledger.query.sql.ListQuery;
import com.opsledger.query.sql.ListQuery.Key;
import com.opsledger.query.sql.ListQuery.Type;
import com.opsledger.query.sql.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * For engineers: where each projection stands, and its rebuilds (admin only), built beside the live read model and
 * swapped in once caught up ({@link ProjectionRebuilds}): readers are served from the live generation throughout.
 *
 * <p>And the events each projection parked in its dead-letter queue, by sequence (the aggregate whose events must
 * apply in order): listed, retried (the handlers run again on the sequence's events; those that fail again stay
 * parked) or evicted (dropped for good; the read model then lacks them until a rebuild). Retrying and evicting are
 * admin commands and are logged with the admin's name.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionsController {

    /**
     * A read model: its live processor (running here, how far), the head, whether readers read it ({@code
     * servesReads}: false for a version of a read model that is not, or no longer, the one read), its dead letters,
     * and its generations that have a history (being built, failed, retired), newest first.
     */
    record ProjectionStatus(String name, boolean running, boolean replaying, Long position, long head,
                            boolean servesReads, int liveGeneration, long deadLetters,
                            List<ProjectionRebuilds.Generation> generations) {
    }

    /**
     * A parked event as operators see it: which one, where, since when, and a short cause in their words. The
     * failure's own text (SQL, class names) is in the log only, where it was written when the event was parked.
     */
    record DeadLetterView(String sequence, long index, String deadLetterId, String eventId, String eventType,
                          String aggregateId, Long aggregateSequenceNumber, Long position, String cause,
                          Instant enqueuedAt, Instant lastTouched, long attempts) {
    }

    record DeadLetterOutcome(String projection, String sequence, boolean processed, long remaining) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionsController.class);

    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final ProjectionRebuilds rebuilds;
    private final ReadModelVersions versions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    /**
     * The query side's processing groups only: the command side's processors (a group decision's fan-out) are no
     * projection, and replaying one would act on its events again.
     */
    private final List<String> names;

    ProjectionsController(EventProcessingConfiguration processing, ProjectionProgress progress,
                          ProjectionRebuilds rebuilds, ReadModelVersions versions, JdbcClient jdbc,
                          JsonMapper json) {
        this.processing = processing;
        this.progress = progress;
        this.rebuilds = rebuilds;
        this.versions = versions;
        this.jdbc = jdbc;
        this.json = json;
        this.names = rebuilds.projections();
    }

    @Operation(summary = "List read models and their progress",
            description = "Each projection: whether it runs, its position against the head of the event store, "
                    + "whether readers read it, its dead letters, and its rebuilds with their progress.")
    @GetMapping
    List<ProjectionStatus> projections() {
        long head = progress.headPosition();
        return names.stream().map(name -> status(name, head)).toList();
    }

    /**
     * Builds the next generation of the read model beside the live one and swaps it in once it has caught up; 409
     * while one is being built. Logged with the admin's name.
     */
    @Operation(summary = "Rebuild a read model beside the live one",
            description = "Admin only. Builds the next generation of the read model from the whole history while "
                    + "readers keep reading the live one, then swaps it in. 202 at once; one build per read model at "
                    + "a time.")
    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(@PathVariable String name, Principal admin) {
        processor(name);
        rebuilds.rebuild(name, admin.getName());
        return status(name, progress.headPosition());
    }

    private ProjectionStatus status(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        OptionalLong position = progress.position(name);
        List<ProjectionRebuilds.Generation> generations = rebuilds.generations(name);
        int live = generations.stream().filter(g -> g.state().equals("live")).mapToInt(
                ProjectionRebuilds.Generation::generation).findFirst().orElse(1);
        return new ProjectionStatus(name, processor.isRunning(), processor.isReplaying(),
                position.isPresent() ? position.getAsLong() : null, head, versions.serves(name), live,
                rebuilds.deadLetters(name),
                generations.stream().filter(g -> !g.state().equals("live")).toList());
    }

    /** The projection's dead letters, in the order their sequences and the events within them must apply. */
    @Operation(summary = "List a read model's dead letters",
            description = "The events the projection failed on, in the order they must apply: sequence, event, "
                    + "position, time and a short cause (the full error is in the log).")
    @GetMapping("/{name}/dead-letters")
    Page<DeadLetterView> deadLetters(@PathVariable String name, @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        requireKnown(name);
        return ListQuery.of("dead_letter_entry d")
                .join("LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier")
                .select("""
                        d.dead_letter_id, d.sequence_identifier, d.sequence_index, d.event_identifier, d.payload_type,
                        d.aggregate_identifier, d.sequence_number, e.global_index, d.cause_type,
                        d.enqueued_at, d.last_touched, convert_from(d.diagnostics, 'UTF8') AS diagnostics""")
                .filter("d.processing_group = :group", "group", name)
                .orderBy(Key.asc("d.sequence_identifier", Type.TEXT), Key.asc("d.sequence_index", Type.LONG))
                .page(jdbc, limit, cursor, this::deadLetter);
    }

    /** Runs the handlers again on a parked sequence, in order; it leaves the queue when every event applies. */
    @Operation(summary = "Retry a parked sequence",
            description = "Admin only. Runs the handlers again on the sequence's events in order; they leave the "
                    + "queue when every one applies.")
    @PostMapping("/{name}/dead-letters/{sequence}/retry")
    DeadLetterOutcome retry(@PathVariable String name, @PathVariable String sequence, Principal admin) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueue(name, sequence);
        boolean processed = processing.sequencedDeadLetterProcessor(name).orElseThrow()
                .process(letter -> letter instanceof JdbcDeadLetter<?> parked
                        && parked.getSequenceIdentifier().equals(sequence));
        log.warn("{} retried the dead letters of sequence {} in {}: {}", admin.getName(), sequence, name,
                processed ? "all applied" : "some still fail");
        return new DeadLetterOutcome(name, sequence, processed, queue.sequenceSize(sequence));
    }

    /** Drops a parked sequence for good. */
    @Operation(summary = "Drop a parked sequence",
            description = "Admin only. Drops the sequence's events from the queue for good; the read model lacks them "
                    + "until a rebuild.")
    @PostMapping("/{name}/dead-letters/{sequence}/evict")
    DeadLetterOutcome evict(@PathVariable String name, @PathVariable String sequence, Principal admin) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueue(name, sequence);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        letters.forEach(queue::evict);
        log.warn("{} evicted {} dead letter(s) of sequence {} in {}", admin.getName(), letters.size(), sequence, name);
        return new DeadLetterOutcome(name, sequence, true, queue.sequenceSize(sequence));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String name, String sequence) {
        processor(name);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Projection " + name + " has no dead-letter queue"));
        if (!queue.contains(sequence)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No dead letters of sequence " + sequence
                    + " in " + name);
        }
        return queue;
    }

    private DeadLetterView deadLetter(ResultSet rs, int n) throws SQLException {
        String diagnostics = rs.getString("diagnostics");
        long attempts = diagnostics == null ? 0 : json.readTree(diagnostics).path("attempts").asLong(0);
        String lastTouched = rs.getString("last_touched");
        return new DeadLetterView(rs.getString("sequence_identifier"), rs.getLong("sequence_index"),
                rs.getString("dead_letter_id"), rs.getString("event_identifier"), rs.getString("payload_type"),
                rs.getString("aggregate_identifier"), rs.getObject("sequence_number", Long.class),
                rs.getObject("global_index", Long.class), causeOf(rs.getString("cause_type")),
                Instant.parse(rs.getString("enqueued_at")), lastTouched == null ? null : Instant.parse(lastTouched),
                attempts);
    }

    /** The kind of failure a parked event met, from its exception's type, in an operator's words. */
    static String causeOf(String causeType) {
        String type = causeType == null ? "" : causeType.substring(causeType.lastIndexOf('.') + 1);
        if (type.contains("DataIntegrityViolation") || type.contains("DuplicateKey")) {
            return "the read model refused the row: it breaks one of the table's rules";
        }
        if (type.contains("DataAccess") || type.contains("SQL") || type.contains("Jdbc")
                || type.contains("Transaction")) {
            return "the read model's database refused the write";
        }
        if (type.contains("Parse") || type.contains("Format") || type.contains("IllegalArgument")
                || type.contains("Serializ") || type.contains("Jackson") || type.contains("Conversion")) {
            return "the event holds a value the projection cannot read";
        }
        return "the projection failed on this event";
    }

    private void requireKnown(String name) {
        if (!names.contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection " + name);
        }
    }

    private StreamingEventProcessor processor(String name) {
        requireKnown(name);
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Projection " + name + " does not run on this node"));
    }
}
