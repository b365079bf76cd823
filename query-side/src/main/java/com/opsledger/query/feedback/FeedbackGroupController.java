package com.opsledger.query.feedback;

import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.SignalCategory;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.sql.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.opsledger.query.sql.SqlValues.wire;

/** The duplicate/burst groups: the list, largest first, and one group with its members and its last decision. */
@RestController
@RequestMapping("/api/v1/admin/feedback-groups")
class FeedbackGroupController {

    record GroupDetail(FeedbackQueries.GroupView group, Page<FeedbackQueries.FeedbackItem> members) {
    }

    private final FeedbackQueries queries;
    private final ProjectionProgress progress;

    FeedbackGroupController(FeedbackQueries queries, ProjectionProgress progress) {
        this.queries = queries;
        this.progress = progress;
    }

    /** Groups, largest first. */
    @Operation(summary = "List duplicate and burst groups",
            description = "Groups of the same feedback, largest first, filtered by signal, classification and burst; "
                    + "paged.")
    @GetMapping
    Page<FeedbackQueries.GroupView> groups(@RequestParam(required = false) SignalCategory signal,
                                           @RequestParam(required = false) SecurityClass classification,
                                           @RequestParam(required = false) Boolean burst,
                                           @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor,
                                           @RequestParam(required = false) Long minPosition) {
        FeedbackReads.await(progress, queries, minPosition);
        return queries.groups(wire(signal), wire(classification), burst, limit, cursor);
    }

    /** A group and its members, newest first. */
    @Operation(summary = "Show one group",
            description = "The group with its last decision, the decision's progress over its members, and its "
                    + "members.")
    @GetMapping("/{id}")
    GroupDetail group(@PathVariable String id,
                      @RequestParam(required = false) Integer limit,
                      @RequestParam(required = false) String cursor,
                      @RequestParam(required = false) Long minPosition) {
        FeedbackReads.await(progress, queries, minPosition);
        FeedbackQueries.GroupView group = queries.group(id).orElseThrow(() -> FeedbackReads.notFound("group", id));
        FeedbackQueries.QueueFilter members = new FeedbackQueries.QueueFilter(null, false, null, null, null, id, null,
                null, null);
        return new GroupDetail(group, queries.queue(members, FeedbackQueries.Sort.NEWEST, limit, cursor));
    }
}
