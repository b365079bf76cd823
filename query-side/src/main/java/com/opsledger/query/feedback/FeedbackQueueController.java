package com.opsledger.query.feedback;

import com.opsledger.events.WireName;
import com.opsledger.events.feedback.FeedbackState;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;
import com.opsledger.events.InvalidInput;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.web.Page;
import com.opsledger.query.web.QueryParams;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operators' feedback views: the triage queue (feedback and security modes), an item with its timeline, the
 * security overview and the duplicate/burst groups. Every read takes {@code minPosition} for read-your-writes.
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

    record GroupDetail(FeedbackQueries.GroupView group, Page<FeedbackQueries.FeedbackItem> members) {
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
        awaitFeedback(minPosition);
        if (mode == Mode.SECURITY) {
            if (signal != null && signal != SignalCategory.SECURITY_PROBE) {
                throw new InvalidInput("signal", "security mode shows security_probe items only");
            }
            signal = SignalCategory.SECURITY_PROBE;
        }
        if (q != null && q.length() > MAX_SEARCH) {
            throw new InvalidInput("q", "must be at most " + MAX_SEARCH + " characters");
        }
        FeedbackQueries.QueueFilter filter = new FeedbackQueries.QueueFilter(QueryParams.wire(signal),
                mode == Mode.FEEDBACK, QueryParams.wire(state), QueryParams.wire(severity),
                QueryParams.wire(classification), blankToNull(group), blankToNull(q), from, to);
        return queries.queue(filter, sort == null ? FeedbackQueries.Sort.SEVERITY : sort, QueryParams.limit(limit),
                blankToNull(cursor));
    }

    /** Feedback mode lists product feedback only; security mode, probes only. */
    enum Mode { FEEDBACK, SECURITY }

    @GetMapping("/{id}")
    FeedbackDetail item(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        awaitFeedback(minPosition);
        FeedbackQueries.FeedbackItem item = queries.item(id).orElseThrow(() -> notFound("feedback", id));
        return new FeedbackDetail(item, queries.timeline(id));
    }

    /** Probe counts per attack family, item counts per signal category, and the largest probe groups. */
    @GetMapping("/security")
    SecurityOverview security(@RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to,
                              @RequestParam(required = false) Long minPosition) {
        awaitFeedback(minPosition);
        return new SecurityOverview(queries.countsByClass(from, to), queries.countsBySignal(from, to),
                queries.groups(WireName.of(SignalCategory.SECURITY_PROBE), null, null, TOP_GROUPS, null).items());
    }

    /** Groups, largest first. */
    @GetMapping("/groups")
    Page<FeedbackQueries.GroupView> groups(@RequestParam(required = false) SignalCategory signal,
                                               @RequestParam(required = false) SecurityClass classification,
                                               @RequestParam(required = false) Boolean burst,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) String cursor,
                                               @RequestParam(required = false) Long minPosition) {
        awaitFeedback(minPosition);
        return queries.groups(QueryParams.wire(signal), QueryParams.wire(classification), burst,
                QueryParams.limit(limit), blankToNull(cursor));
    }

    /** A group and its members, newest first. */
    @GetMapping("/groups/{id}")
    GroupDetail group(@PathVariable String id,
                      @RequestParam(required = false) Integer limit,
                      @RequestParam(required = false) String cursor,
                      @RequestParam(required = false) Long minPosition) {
        awaitFeedback(minPosition);
        FeedbackQueries.GroupView group = queries.group(id).orElseThrow(() -> notFound("group", id));
        FeedbackQueries.QueueFilter members = new FeedbackQueries.QueueFilter(null, false, null, null, null, id, null,
                null, null);
        return new GroupDetail(group, queries.queue(members, FeedbackQueries.Sort.NEWEST, QueryParams.limit(limit),
                blankToNull(cursor)));
    }

    private void awaitFeedback(Long minPosition) {
        progress.await(FeedbackQueueProjection.READ_MODEL, minPosition);
        progress.await(FeedbackGroupProjection.READ_MODEL, minPosition);
    }

    private static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
