package com.opsledger.query.notification;

import com.opsledger.events.Instants;
import com.opsledger.events.WireName;
import com.opsledger.events.notification.NotificationKind;
import com.opsledger.events.notification.NotificationSeverity;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.web.Cursor;
import com.opsledger.query.web.Filters;
import com.opsledger.query.web.Page;
import com.opsledger.query.web.QueryParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.opsledger.query.web.SqlValues.instant;
import static com.opsledger.query.web.SqlValues.utc;

/** Notifications mode: the platform's alerts, newest first, and the unacknowledged counts per kind. */
@RestController
@RequestMapping("/api/v1/admin/notifications")
class NotificationQueryController {

    record NotificationItem(String notificationId, String id, String kind, String source, String severity,
                            String summary, JsonNode details, Instant occurredAt, Instant receivedAt,
                            boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt) {
    }

    record Counts(Map<String, Long> unacknowledgedByKind, long unacknowledged) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ProjectionProgress progress;

    NotificationQueryController(JdbcClient jdbc, JsonMapper json, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.json = json;
        this.progress = progress;
    }

    @GetMapping
    Page<NotificationItem> list(@RequestParam(required = false) NotificationKind kind,
                                @RequestParam(required = false) NotificationSeverity severity,
                                @RequestParam(required = false) Boolean acknowledged,
                                @RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) Long minPosition) {
        progress.await(NotificationProjection.READ_MODEL, minPosition);
        int pageSize = QueryParams.limit(limit);
        Filters where = new Filters()
                .add("kind = :kind", "kind", QueryParams.wire(kind))
                .add("severity = :severity", "severity", QueryParams.wire(severity))
                .add("acknowledged = :acknowledged", "acknowledged", acknowledged)
                .add("occurred_at >= :from", "from", utc(from))
                .add("occurred_at < :to", "to", utc(to));
        String whereClause = where.where();
        if (cursor != null && !cursor.isBlank()) {
            whereClause = where.whereAnd("(occurred_at, notification_id) < (:cAt, :cId)");
            Cursor.decode(cursor, 2, key -> where.param("cAt", utc(Instants.parse("cursor", key.get(0))))
                    .param("cId", key.get(1)));
        }
        return Page.read(jdbc, NotificationProjection.TABLE, where, "*",
                "FROM " + NotificationProjection.TABLE + whereClause + " ORDER BY occurred_at DESC, notification_id DESC",
                pageSize, this::item, last -> Cursor.encode(last.occurredAt(), last.notificationId()));
    }

    @GetMapping("/counts")
    Counts counts(@RequestParam(required = false) Long minPosition) {
        progress.await(NotificationProjection.READ_MODEL, minPosition);
        Map<String, Long> byKind = new LinkedHashMap<>();
        Arrays.stream(NotificationKind.values()).forEach(k -> byKind.put(WireName.of(k), 0L));
        jdbc.sql("SELECT kind, count(*) AS n FROM " + NotificationProjection.TABLE
                        + " WHERE NOT acknowledged GROUP BY kind")
                .query((rs, n) -> byKind.put(rs.getString("kind"), rs.getLong("n"))).list();
        return new Counts(byKind, byKind.values().stream().mapToLong(Long::longValue).sum());
    }

    private NotificationItem item(ResultSet rs, int n) throws SQLException {
        String details = rs.getString("details");
        return new NotificationItem(rs.getString("notification_id"), rs.getString("platform_id"),
                rs.getString("kind"), rs.getString("source"), rs.getString("severity"), rs.getString("summary"),
                details == null ? null : json.readTree(details), instant(rs, "occurred_at"),
                instant(rs, "received_at"), rs.getBoolean("acknowledged"), rs.getString("acknowledged_by"),
                instant(rs, "acknowledged_at"));
    }
}
