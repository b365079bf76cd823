package com.opsledger.query.feedback;

import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.SignalCategory;
import com.opsledger.events.Instants;
import com.opsledger.events.WireName;
import com.opsledger.query.web.Cursor;
import com.opsledger.query.web.Filters;
import com.opsledger.query.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.opsledger.query.web.SqlValues.instant;
import static com.opsledger.query.web.SqlValues.utc;

/** Reads of the feedback read models: the queue, an item with its timeline, groups and security counts. */
@Repository
class FeedbackQueries {

    /** The queue's filters; null means "any". */
    record QueueFilter(String signal, boolean excludeProbes, String state, String severity, String securityClass,
                       String groupId, String text, Instant from, Instant to) {
    }

    record GroupHint(String groupId, int size, boolean burst) {
    }

    record HandoffView(String destinationTeam, String note) {
    }

    record FeedbackItem(String feedbackId, String submissionId, String orgId, String workspaceId, String userId,
                        String channel, String message, String page, JsonNode context, String state,
                        List<String> securityClasses, String signal, String severity, List<Evidence> findings,
                        String assignee, HandoffView handoff, GroupHint group, Instant submittedAt, Instant updatedAt) {
    }

    /** Why a class was assigned: the classifier's rule and the decoded text it matched. */
    record Evidence(String securityClass, String rule, String excerpt) {
    }

    record TimelineEntry(long sequence, String eventType, String actor, String reason, Instant occurredAt,
                         JsonNode details) {
    }

    record GroupView(String groupId, String fingerprint, List<String> securityClasses, String signal,
                     String severity, int memberCount, Instant firstSeen, Instant lastSeen, boolean burst,
                     Instant burstDetectedAt, String lastDecision, String lastDecisionBy, Instant lastDecisionAt,
                     DecisionProgress decisionProgress) {
    }

    /**
     * How far the last decision has come among the {@code members} it went to: {@code changed} followed it,
     * {@code leftAlone} were no longer open, {@code pending} are still to be reached; {@code finished} when none is.
     * Absent for a decision taken before progress was recorded (applied within its request).
     */
    record DecisionProgress(int members, int changed, int leftAlone, int pending, boolean finished) {
    }

    /** Most severe, then oldest first (the default); or newest first. */
    enum Sort { SEVERITY, NEWEST }

    private static final String ITEM_COLUMNS = """
            f.feedback_id, f.submission_id, f.org_id, f.workspace_id, f.user_id, f.channel, f.message, f.page,
            f.context, f.state, f.security_classes, f.signal, f.severity, f.severity_rank, f.findings, f.assignee,
            f.handoff_team, f.handoff_note, f.group_id, coalesce(g.member_count, 1) AS group_size,
            coalesce(g.burst, false) AS group_burst, f.submitted_at, f.updated_at""";
    private static final String ITEM_FROM =
            " FROM " + FeedbackQueueProjection.TABLE + " f LEFT JOIN " + FeedbackGroupProjection.TABLE
                    + " g ON g.group_id = f.group_id";

    private static final String TIMELINE = """
            SELECT sequence_number, event_type, actor, reason, occurred_at, details
            FROM %s WHERE feedback_id = :id ORDER BY sequence_number""".formatted(FeedbackTimelineProjection.TABLE);
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeedbackQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Page<FeedbackItem> queue(QueueFilter filter, Sort sort, int limit, String cursor) {
        Filters where = new Filters()
                .add("f.signal = :signal", "signal", filter.signal())
                .addIf(filter.excludeProbes(), "f.signal <> 'security_probe'")
                .add("f.state = :state", "state", filter.state())
                .add("f.severity = :severity", "severity", filter.severity())
                .add(":class = ANY (f.security_classes)", "class", filter.securityClass())
                .add("f.group_id = :group", "group", filter.groupId())
                .add("f.message ILIKE :text", "text", filter.text() == null ? null : Filters.likePattern(filter.text()))
                .add("f.submitted_at >= :from", "from", utc(filter.from()))
                .add("f.submitted_at < :to", "to", utc(filter.to()));
        String order;
        String whereClause;
        if (sort == Sort.SEVERITY) {
            order = " ORDER BY f.severity_rank, f.submitted_at, f.feedback_id";
            whereClause = cursor == null ? where.where()
                    : where.whereAnd("(f.severity_rank, f.submitted_at, f.feedback_id) > (:cRank, :cAt, :cId)");
            if (cursor != null) {
                Cursor.decode(cursor, 3, key -> where.param("cRank", Integer.parseInt(key.get(0)))
                        .param("cAt", utc(Instants.parse("cursor", key.get(1)))).param("cId", key.get(2)));
            }
        } else {
            order = " ORDER BY f.submitted_at DESC, f.feedback_id DESC";
            whereClause = cursor == null ? where.where()
                    : where.whereAnd("(f.submitted_at, f.feedback_id) < (:cAt, :cId)");
            if (cursor != null) {
                Cursor.decode(cursor, 2, key -> where.param("cAt", utc(Instants.parse("cursor", key.get(0))))
                        .param("cId", key.get(1)));
            }
        }
        return Page.read(jdbc, FeedbackQueueProjection.TABLE + " f", where, ITEM_COLUMNS, ITEM_FROM + whereClause + order,
                limit, this::row, last -> sort == Sort.SEVERITY
                ? Cursor.encode(last.severityRank(), last.item().submittedAt(), last.item().feedbackId())
                : Cursor.encode(last.item().submittedAt(), last.item().feedbackId())).map(Row::item);
    }

    Optional<FeedbackItem> item(String feedbackId) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + ITEM_FROM + " WHERE f.feedback_id = :id")
                .param("id", feedbackId).query(this::row).optional().map(Row::item);
    }

    List<TimelineEntry> timeline(String feedbackId) {
        return jdbc.sql(TIMELINE)
                .param("id", feedbackId)
                .query((rs, n) -> new TimelineEntry(rs.getLong("sequence_number"), rs.getString("event_type"),
                        rs.getString("actor"), rs.getString("reason"), instant(rs, "occurred_at"),
                        json.readTree(rs.getString("details"))))
                .list();
    }

    Page<GroupView> groups(String signal, String securityClass, Boolean burst, int limit, String cursor) {
        Filters where = new Filters()
                .add("signal = :signal", "signal", signal)
                .add(":class = ANY (security_classes)", "class", securityClass)
                .add("burst = :burst", "burst", burst);
        String whereClause = where.where();
        if (cursor != null) {
            whereClause = where.whereAnd("(member_count < :cCount OR (member_count = :cCount AND group_id > :cId))");
            Cursor.decode(cursor, 2, key -> where.param("cCount", Integer.parseInt(key.get(0)))
                    .param("cId", key.get(1)));
        }
        return Page.read(jdbc, FeedbackGroupProjection.TABLE, where, "*",
                "FROM " + FeedbackGroupProjection.TABLE + whereClause + " ORDER BY member_count DESC, group_id", limit,
                this::groupRow, last -> Cursor.encode(last.memberCount(), last.groupId()));
    }

    Optional<GroupView> group(String groupId) {
        return jdbc.sql("SELECT * FROM " + FeedbackGroupProjection.TABLE + " WHERE group_id = :id")
                .param("id", groupId).query(this::groupRow).optional();
    }

    /** Probe counts per attack family and item counts per signal category, every category present. */
    Map<String, Long> countsByClass(Instant from, Instant to) {
        Map<String, Long> counts = zeroCounts(Arrays.stream(SecurityClass.values()).map(WireName::of).toList());
        Filters where = range(from, to).add("signal = :signal", "signal", WireName.of(SignalCategory.SECURITY_PROBE));
        jdbc.sql("SELECT cls, count(*) AS n FROM " + FeedbackQueueProjection.TABLE + ", unnest(security_classes) AS cls"
                        + where.where() + " GROUP BY cls")
                .params(where.params())
                .query((rs, n) -> counts.put(rs.getString("cls"), rs.getLong("n"))).list();
        return counts;
    }

    Map<String, Long> countsBySignal(Instant from, Instant to) {
        Map<String, Long> counts = zeroCounts(Arrays.stream(SignalCategory.values()).map(WireName::of).toList());
        Filters where = range(from, to);
        jdbc.sql("SELECT signal, count(*) AS n FROM " + FeedbackQueueProjection.TABLE + where.where() + " GROUP BY signal")
                .params(where.params())
                .query((rs, n) -> counts.put(rs.getString("signal"), rs.getLong("n"))).list();
        return counts;
    }

    private static Filters range(Instant from, Instant to) {
        return new Filters().add("submitted_at >= :from", "from", utc(from)).add("submitted_at < :to", "to", utc(to));
    }

    private static Map<String, Long> zeroCounts(List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }

    /** A queue row and the severity rank its cursor needs. */
    private record Row(FeedbackItem item, int severityRank) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String context = rs.getString("context");
        String team = rs.getString("handoff_team");
        return new Row(new FeedbackItem(rs.getString("feedback_id"), rs.getString("submission_id"),
                rs.getString("org_id"), rs.getString("workspace_id"), rs.getString("user_id"),
                rs.getString("channel"), rs.getString("message"), rs.getString("page"),
                context == null ? null : json.readTree(context), rs.getString("state"),
                strings(rs.getArray("security_classes")), rs.getString("signal"), rs.getString("severity"),
                json.readValue(rs.getString("findings"), EVIDENCE), rs.getString("assignee"),
                team == null ? null : new HandoffView(team, rs.getString("handoff_note")),
                new GroupHint(rs.getString("group_id"), rs.getInt("group_size"), rs.getBoolean("group_burst")),
                instant(rs, "submitted_at"), instant(rs, "updated_at")), rs.getInt("severity_rank"));
    }

    private GroupView groupRow(ResultSet rs, int n) throws SQLException {
        return new GroupView(rs.getString("group_id"), rs.getString("fingerprint"),
                strings(rs.getArray("security_classes")), rs.getString("signal"), rs.getString("severity"),
                rs.getInt("member_count"), instant(rs, "first_seen"), instant(rs, "last_seen"),
                rs.getBoolean("burst"), instant(rs, "burst_detected_at"), rs.getString("last_decision"),
                rs.getString("last_decision_by"), instant(rs, "last_decision_at"), progress(rs));
    }

    private static DecisionProgress progress(ResultSet rs) throws SQLException {
        int members = rs.getInt("decision_members");
        if (rs.wasNull()) {
            return null;
        }
        int changed = rs.getInt("decision_changed");
        int leftAlone = rs.getInt("decision_left_alone");
        return new DecisionProgress(members, changed, leftAlone, members - changed - leftAlone,
                rs.getBoolean("decision_finished"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
