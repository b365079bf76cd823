package com.opsledger.query.feedback;

import com.opsledger.events.WireName;
import com.opsledger.events.feedback.FeedbackState;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;
import com.opsledger.events.InvalidInput;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.sql.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.opsledger.query.sql.SqlValues.wire;

/**
 * The operators' feedback views: the triage queue (feedback and security modes), an item with its timeline and the
 * security overview. Every read takes {@code minPosition} for read-your-writes.
 */
@RestController
@RequestMapping("/api/v1/admin/feedback")
class FeedbackQueueController {

    private static final int MAX_SEARCH = 200;
    private static final int TOP_GROUPS = 10;

    record FeedbackDetail(FeedbackQueries.FeedbackItem item, List<FeedbackQueries.TimelineEntry> timeline) {
    }

    record SecurityOverview(Map<String, Long> byClassification, Map<String, Long> bySignal,
                            List<FeedbackQueries.GroupView> topGroups) {
    }

    private final FeedbackQueries queries;
    private final ProjectionProgress progress;

    FeedbackQueueController(FeedbackQueries queries, ProjectionProgress progress) {
        this.queries = queries;
        this.progress = progress;
    }

    /**
     * The queue, most severe and then oldest first by default ({@code sort=newest} for newest first), with cursor
     * paging and a total.
     */
    @Operation(summary = "List the feedback queue",
            description = "Feedback items by mode (feedback or security), state, severity, classification, signal, "
                    + "group, text and time; most severe first (or newest), paged with a total. Each row carries its "
                    + "group hint.")
    @GetMapping
    Page<FeedbackQueries.FeedbackItem> queue(@RequestParam(required = false) Mode mode,
                                             @RequestParam(required = false) FeedbackState state,
                                             @RequestParam(required = false) Severity severity,
                                             @RequestParam(required = false) SecurityClass classification,
                                             @RequestParam(required = false) SignalCategory signal,
                                             @RequestParam(required = false) String group,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) Instant from,
                                             @RequestParam(required = false) Instant to,
                                             @RequestParam(required = false) FeedbackQueries.Sort sort,
                                             @RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) String cursor,
                                             @RequestParam(required = false) Long minPosition) {
        FeedbackReads.await(progress, queries, minPosition);
        if (mode == Mode.SECURITY) {
            if (signal != null && signal != SignalCategory.SECURITY_PROBE) {
                throw new InvalidInput("signal", "security mode shows security_probe items only");
            }
            signal = SignalCategory.SECURITY_PROBE;
        }
        if (q != null && q.length() > MAX_SEARCH) {
            throw new InvalidInput("q", "must be at most " + MAX_SEARCH + " characters");
        }
        FeedbackQueries.QueueFilter filter = new FeedbackQueries.QueueFilter(wire(signal),
                mode == Mode.FEEDBACK, wire(state), wire(severity),
                wire(classification), FeedbackReads.blankToNull(group), FeedbackReads.blankToNull(q), from, to);
        return queries.queue(filter, sort == null ? FeedbackQueries.Sort.SEVERITY : sort, limit, cursor);
    }

    /** Feedback mode lists product feedback only; security mode, probes only. */
    enum Mode { FEEDBACK, SECURITY }

    @Operation(summary = "Show one feedback item",
            description = "The item with its findings (the rule and the matched text behind each security class) and "
                    + "its timeline: every event with its actor, reason and time.")
    @GetMapping("/{id}")
    FeedbackDetail item(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        FeedbackReads.await(progress, queries, minPosition);
        FeedbackQueries.FeedbackItem item = queries.item(id).orElseThrow(() -> FeedbackReads.notFound("feedback", id));
        return new FeedbackDetail(item, queries.timeline(id));
    }

    /** Probe counts per attack family, item counts per signal category, and the largest probe groups. */
    @Operation(summary = "Show the security overview",
            description = "Probe counts per classification, item counts per signal and the largest probe groups, over "
                    + "an optional period.")
    @GetMapping("/security")
    SecurityOverview security(@RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to,
                              @RequestParam(required = false) Long minPosition) {
        FeedbackReads.await(progress, queries, minPosition);
        return new SecurityOverview(queries.countsByClass(from, to), queries.countsBySignal(from, to),
                queries.groups(WireName.of(SignalCategory.SECURITY_PROBE), null, null, TOP_GROUPS, null).items());
    }
}
