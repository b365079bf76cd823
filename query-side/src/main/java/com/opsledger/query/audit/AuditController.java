package com.opsledger.query.audit;

import com.opsledger.events.InvalidInput;
import com.opsledger.query.audit.AuditQueries.ActorSummary;
import com.opsledger.query.audit.AuditQueries.AuditEvent;
import com.opsledger.query.audit.AuditQueries.AuditFilter;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.sql.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail for auditors and admins: the whole event history with its filters, keyset paged in position order
 * or exported as a stream, and what one actor did.
 */
@RestController
@RequestMapping("/api/v1/admin/audit")
class AuditController {

    /** What one actor did: the counts, then the events newest first. */
    record ActorActivity(ActorSummary summary, Page<AuditEvent> events) {
    }

    /** Sent with an export: the position it goes to, so that a client can show its progress from each line's. */
    static final String TO_POSITION_HEADER = "X-Audit-To-Position";

    private final AuditQueries queries;
    private final AuditStates states;
    private final AuditProofs proofs;
    private final ProjectionProgress progress;
    private final JsonMapper json;
    private final AuditVerifier verifier;

    AuditController(AuditQueries queries, AuditStates states, AuditProofs proofs, ProjectionProgress progress,
                    JsonMapper json, AuditSettings settings) {
        this.queries = queries;
        this.states = states;
        this.proofs = proofs;
        this.progress = progress;
        this.json = json;
        this.verifier = new AuditVerifier(AuditKeys.verifyingWith(settings.publicKeys()));
    }

    /**
     * @param correlationId the id of the first message of a chain: every event one request caused
     * @param since         inclusive
     * @param until         exclusive
     * @param fromPosition  inclusive
     * @param toPosition    inclusive
     */
    @Operation(summary = "Search the audit trail",
            description = "Every event of every area as stored, filtered by aggregate, event type, actor, "
                    + "correlation, org, time and position; in position order, paged.")
    @GetMapping("/events")
    Page<AuditEvent> events(@RequestParam(required = false) String aggregateType,
                            @RequestParam(required = false) String aggregateId,
                            @RequestParam(required = false) String eventType,
                            @RequestParam(required = false) String actor,
                            @RequestParam(required = false) String correlationId,
                            @RequestParam(required = false) String orgId,
                            @RequestParam(required = false) Instant since,
                            @RequestParam(required = false) Instant until,
                            @RequestParam(required = false) Long fromPosition,
                            @RequestParam(required = false) Long toPosition,
                            @RequestParam(required = false) Integer limit,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(required = false) Long minPosition) {
        AuditFilter filter = new AuditFilter(aggregateType, aggregateId, eventType, actor, correlationId, orgId,
                since, until, fromPosition, toPosition);
        progress.await(AuditEventProjection.READ_MODEL, minPosition);
        return queries.events(filter, limit, cursor);
    }

    /**
     * The same history as {@code /events}, all of it, streamed as NDJSON (default) or CSV in constant memory. The last
     * line says how many events came before it; a download cut short lacks it and resumes with {@code fromPosition}
     * after the last position received and the {@value #TO_POSITION_HEADER} of the first download as toPosition.
     */
    @Operation(summary = "Export the audit trail",
            description = "Streams every matching event from one snapshot as NDJSON or CSV, ending with a line that "
                    + "counts them and names the audit chain's head; resumable by position.")
    @GetMapping("/events/export")
    void export(@RequestParam(required = false) String aggregateType,
                @RequestParam(required = false) String aggregateId,
                @RequestParam(required = false) String eventType,
                @RequestParam(required = false) String actor,
                @RequestParam(required = false) String correlationId,
                @RequestParam(required = false) String orgId,
                @RequestParam(required = false) Instant since,
                @RequestParam(required = false) Instant until,
                @RequestParam(required = false) Long fromPosition,
                @RequestParam(required = false) Long toPosition,
                @RequestParam(required = false) AuditExport.Format format,
                @RequestParam(required = false) Long minPosition,
                HttpServletResponse response) throws IOException {
        AuditFilter filter = new AuditFilter(aggregateType, aggregateId, eventType, actor, correlationId, orgId,
                since, until, fromPosition, toPosition);
        AuditExport.Format chosen = format == null ? AuditExport.Format.NDJSON : format;
        progress.await(AuditEventProjection.READ_MODEL, minPosition);
        response.setContentType(chosen.contentType);
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024)) {
            queries.export(filter, AuditExport.of(chosen, out, json, upTo -> {
                response.setHeader(TO_POSITION_HEADER, Long.toString(upTo));
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events-to-"
                        + upTo + "." + chosen.extension + "\"");
            }));
        }
    }

    /**
     * Recomputes the chain over positions {@code from..to} (default: all of it) from the event store and checks it
     * against its entries and signed checkpoints, in one snapshot: the first position where the history was
     * changed, deleted, inserted or reordered, if any. Its work grows with the range.
     */
    @Operation(summary = "Verify the audit chain",
            description = "Recomputes the hash chain over a range from the event store and checks it against its "
                    + "entries and signed checkpoints: the first position changed, deleted, inserted or reordered, if "
                    + "any.")
    @GetMapping("/verify")
    AuditVerifier.Report verify(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
        if (from != null && from < 1) {
            throw new InvalidInput("from", "must be at least 1");
        }
        if (to != null && (to < 1 || from != null && to < from)) {
            throw new InvalidInput("to", "must be at least 1 and not before from");
        }
        return queries.inSnapshot(connection -> verifier.verify(connection, from, to));
    }

    /**
     * The RFC 6962 inclusion proof of the event at {@code position} in the Merkle tree of the signed checkpoint that
     * covers it; 404 until a checkpoint does.
     */
    @Operation(summary = "Prove one event's inclusion",
            description = "The RFC 6962 inclusion proof of the event at a position in the Merkle tree of the signed "
                    + "checkpoint that covers it; 404 until one does.")
    @GetMapping("/events/{position}/proof")
    AuditProofs.InclusionProof proof(@PathVariable Long position) {
        if (position < 1) {
            throw new InvalidInput("position", "must be at least 1");
        }
        return proofs.proof(position);
    }

    /**
     * A feedback item, notification, wallet, spend request or connector delivery as it was at {@code asOf} (a global
     * position, or an ISO-8601 time; default now): its aggregate's events up to then, folded by the read model's own
     * projection, and those events.
     *
     * @param kind feedback, notification, wallet, spend-request or delivery
     */
    @Operation(summary = "Show an item as it was",
            description = "A feedback item, notification, wallet, spend request or delivery as of a position or a "
                    + "time: its events up to then, folded by the read model's own projection.")
    @GetMapping("/{kind}/{id}")
    AuditStates.AggregateState asOf(@PathVariable String kind, @PathVariable String id,
                                    @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) Long minPosition) {
        // The kind's read model too: a spend request's wallet is looked up in it.
        progress.await(List.of(AuditEventProjection.READ_MODEL, states.readModelOf(kind)), minPosition);
        return states.asOf(kind, id, asOf);
    }

    /** What one person or service did, over all areas: counts by event type, then the events newest first. */
    @Operation(summary = "Show one actor's activity",
            description = "What one person or service did over all areas: counts by event type, then the events "
                    + "newest first.")
    @GetMapping("/actors/{actor}")
    ActorActivity actor(@PathVariable String actor, @RequestParam(required = false) Integer limit,
                        @RequestParam(required = false) String cursor,
                        @RequestParam(required = false) Long minPosition) {
        progress.await(AuditEventProjection.READ_MODEL, minPosition);
        // One snapshot: the summary counts the same events the page lists (the index moves on between statements).
        return queries.allInOneSnapshot(
                () -> new ActorActivity(queries.summary(actor), queries.eventsOf(actor, limit, cursor)));
    }
}
