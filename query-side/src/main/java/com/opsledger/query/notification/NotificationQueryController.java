package com.opsledger.query.notification;

import com.opsledger.events.notification.NotificationKind;
import com.opsledger.events.notification.NotificationSeverity;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.sql.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

import static com.opsledger.query.sql.SqlValues.wire;

/** Notifications mode: the platform's alerts, newest first, and the unacknowledged counts per kind. */
@RestController
@RequestMapping("/api/v1/admin/notifications")
class NotificationQueryController {

    private final NotificationQueries queries;
    private final ProjectionProgress progress;

    NotificationQueryController(NotificationQueries queries, ProjectionProgress progress) {
        this.queries = queries;
        this.progress = progress;
    }

    @Operation(summary = "List notifications",
            description = "Platform notifications, newest first, filtered by kind, severity, acknowledged and time; "
                    + "paged, with a total.")
    @GetMapping
    Page<NotificationQueries.NotificationItem> list(@RequestParam(required = false) NotificationKind kind,
                                @RequestParam(required = false) NotificationSeverity severity,
                                @RequestParam(required = false) Boolean acknowledged,
                                @RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) Long minPosition) {
        progress.await(NotificationProjection.READ_MODEL, minPosition);
        return queries.list(wire(kind), wire(severity), acknowledged, from, to, limit, cursor);
    }

    @Operation(summary = "Count unacknowledged notifications",
            description = "How many notifications of each kind are not acknowledged yet.")
    @GetMapping("/counts")
    NotificationQueries.Counts counts(@RequestParam(required = false) Long minPosition) {
        progress.await(NotificationProjection.READ_MODEL, minPosition);
        return queries.counts();
    }
}
