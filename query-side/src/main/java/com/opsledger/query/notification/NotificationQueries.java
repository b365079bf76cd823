package com.opsledger.query.notification;

import com.opsledger.events.WireName;
import com.opsledger.events.notification.NotificationKind;
import com.opsledger.query.sql.ListQuery;
import com.opsledger.query.sql.ListQuery.Key;
import com.opsledger.query.sql.ListQuery.Type;
import com.opsledger.query.sql.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.opsledger.query.sql.SqlValues.instant;
import static com.opsledger.query.sql.SqlValues.utc;

/** Reads of the notifications read model: the list, newest first, and the unacknowledged counts per kind. */
@Repository
class NotificationQueries {

    record NotificationItem(String notificationId, String id, String kind, String source, String severity,
                            String summary, JsonNode details, Instant occurredAt, Instant receivedAt,
                            boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt) {
    }

    record Counts(Map<String, Long> unacknowledgedByKind, long unacknowledged) {
    }

    private static final String UNACKNOWLEDGED_BY_KIND = "SELECT kind, count(*) AS n FROM "
            + NotificationProjection.TABLE + " WHERE NOT acknowledged GROUP BY kind";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NotificationQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Filters in wire form; null means "any". */
    Page<NotificationItem> list(String kind, String severity, Boolean acknowledged, Instant from, Instant to,
                                Integer limit, String cursor) {
        return ListQuery.of(NotificationProjection.TABLE)
                .filter("kind = :kind", "kind", kind)
                .filter("severity = :severity", "severity", severity)
                .filter("acknowledged = :acknowledged", "acknowledged", acknowledged)
                .filter("occurred_at >= :from", "from", utc(from))
                .filter("occurred_at < :to", "to", utc(to))
                .orderBy(Key.desc("occurred_at", Type.INSTANT), Key.desc("notification_id", Type.TEXT))
                .page(jdbc, limit, cursor, this::item);
    }

    /** Every kind present, zero when none is waiting. */
    Counts counts() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        Arrays.stream(NotificationKind.values()).forEach(k -> byKind.put(WireName.of(k), 0L));
        jdbc.sql(UNACKNOWLEDGED_BY_KIND)
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
