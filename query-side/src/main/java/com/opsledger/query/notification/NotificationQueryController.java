package com.opsledger.query.notification;

import com.opsledger.events.notification.NotificationKind;
import com.opsledger.events.notification.NotificationSeverity;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.sql.Page;
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

    @GetMapping("/counts")
    NotificationQueries.Counts counts(@RequestParam(required = false) Long minPosition) {
        progress.await(NotificationProjection.READ_MODEL, minPosition);
        return queries.counts();
    }
}
