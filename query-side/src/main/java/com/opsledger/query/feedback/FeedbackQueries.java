package com.opsledger.query.feedback;

import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.SignalCategory;
import com.opsledger.events.WireName;
import com.opsledger.query.projection.ReadModel;
import com.opsledger.query.projection.ReadModelVersions;
import com.opsledger.query.sql.ListQuery;
import com.opsledger.query.sql.ListQuery.Key;
import com.opsledger.query.sql.ListQuery.Type;
import com.opsledger.query.sql.Page;
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

import static com.opsledger.query.sql.SqlValues.containing;
import static com.opsledger.query.sql.SqlValues.instant;
import static com.opsledger.query.sql.SqlValues.utc;

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

    /** {@code triageSeconds}: from submission to the first triage; only from version 2 of the queue on. */
    record FeedbackItem(String feedbackId, String submissionId, String orgId, String workspaceId, String userId,
                        String channel, String message, String page, JsonNode context, String state,
                        List<String> securityClasses, String signal, String severity, List<Evidence> findings,
                        String assignee, HandoffView handoff, GroupHint group, Instant submittedAt, Instant updatedAt,
                        Long triageSeconds) {
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

    /**
     * A version of the queue as its reads need it: its table, read-your-writes read model, and how its rows ({@code
     * f}) and their group's size and burst ({@code g}) are read.
     */
    record QueueVersion(String table, ReadModel readModel, String columns) {

        String items() {
            return table + " f";
        }

        String countsByClass() {
            return "SELECT cls AS key, count(*) AS n FROM " + table + ", unnest(security_classes) AS cls "
                    + "WHERE signal = 'security_probe' AND " + IN_RANGE + " GROUP BY cls";
        }

        String countsBySignal() {
            return "SELECT signal AS key, count(*) AS n FROM " + table + " WHERE " + IN_RANGE + " GROUP BY signal";
        }
    }

    private static final String COMMON_COLUMNS = """
            f.feedback_id, f.submission_id, f.org_id, f.workspace_id, f.user_id, f.channel, f.message, f.page,
            f.context, f.state, f.security_classes, f.signal, f.severity, f.severity_rank, f.findings, f.assignee,
            f.handoff_team, f.handoff_note, f.group_id, coalesce(g.member_count, 1) AS group_size,
            coalesce(g.burst, false) AS group_burst, f.submitted_at, f.updated_at""";
    static final QueueVersion V1 = new QueueVersion(FeedbackQueueProjection.TABLE, FeedbackQueueProjection.READ_MODEL,
            COMMON_COLUMNS + ", NULL::bigint AS triage_seconds");
    static final QueueVersion V2 = new QueueVersion(FeedbackQueueV2Projection.TABLE,
            FeedbackQueueV2Projection.READ_MODEL, COMMON_COLUMNS + ", f.triage_seconds");
    private static final String WITH_GROUP =
            "LEFT JOIN " + FeedbackGroupProjection.TABLE + " g ON g.group_id = f.group_id";
    /** The queue's two orders; each ends in the id, so every row has its own place. */
    private static final Key[] SEVERITY_FIRST = {Key.asc("f.severity_rank", Type.INT),
            Key.asc("f.submitted_at", Type.INSTANT), Key.asc("f.feedback_id", Type.TEXT)};
    private static final Key[] NEWEST_FIRST = {Key.desc("f.submitted_at", Type.INSTANT),
            Key.desc("f.feedback_id", Type.TEXT)};
    /** Submission times within [from, to), either end open when not given. */
    private static final String IN_RANGE = """
            submitted_at >= coalesce(:from, '-infinity'::timestamptz)
            AND submitted_at < coalesce(:to, 'infinity'::timestamptz)""";

    private static final String TIMELINE = """
            SELECT sequence_number, event_type, actor, reason, occurred_at, details
            FROM %s WHERE feedback_id = :id ORDER BY sequence_number""".formatted(FeedbackTimelineProjection.TABLE);
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReadModelVersions versions;

    FeedbackQueries(JdbcClient jdbc, JsonMapper json, ReadModelVersions versions) {
        this.jdbc = jdbc;
        this.json = json;
        this.versions = versions;
    }

    /** The version of the queue that readers read now (a pointer row, read with every request). */
    QueueVersion queueVersion() {
        return versions.live(FeedbackQueueV2Projection.SUCCESSION.readModel()).equals(FeedbackQueueV2Projection.NAME)
                ? V2 : V1;
    }

    Page<FeedbackItem> queue(QueueFilter filter, Sort sort, Integer limit, String cursor) {
        QueueVersion version = queueVersion();
        return ListQuery.of(version.items())
                .join(WITH_GROUP)
                .select(version.columns())
                .filter("f.signal = :signal", "signal", filter.signal())
                .filterIf(filter.excludeProbes(), "f.signal <> 'security_probe'")
                .filter("f.state = :state", "state", filter.state())
                .filter("f.severity = :severity", "severity", filter.severity())
                .filter(":class = ANY (f.security_classes)", "class", filter.securityClass())
                .filter("f.group_id = :group", "group", filter.groupId())
                .filter("f.message ILIKE :text", "text", containing(filter.text()))
                .filter("f.submitted_at >= :from", "from", utc(filter.from()))
                .filter("f.submitted_at < :to", "to", utc(filter.to()))
                .orderBy(sort == Sort.SEVERITY ? SEVERITY_FIRST : NEWEST_FIRST)
                .page(jdbc, limit, cursor, this::row);
    }

    Optional<FeedbackItem> item(String feedbackId) {
        QueueVersion version = queueVersion();
        return jdbc.sql("SELECT " + version.columns() + " FROM " + version.items() + " " + WITH_GROUP
                        + " WHERE f.feedback_id = :id")
                .param("id", feedbackId).query(this::row).optional();
    }

    List<TimelineEntry> timeline(String feedbackId) {
        return jdbc.sql(TIMELINE)
                .param("id", feedbackId)
                .query((rs, n) -> new TimelineEntry(rs.getLong("sequence_number"), rs.getString("event_type"),
                        rs.getString("actor"), rs.getString("reason"), instant(rs, "occurred_at"),
                        json.readTree(rs.getString("details"))))
                .list();
    }

    Page<GroupView> groups(String signal, String securityClass, Boolean burst, Integer limit, String cursor) {
        return ListQuery.of(FeedbackGroupProjection.TABLE)
                .filter("signal = :signal", "signal", signal)
                .filter(":class = ANY (security_classes)", "class", securityClass)
                .filter("burst = :burst", "burst", burst)
                .orderBy(Key.desc("member_count", Type.INT), Key.asc("group_id", Type.TEXT))
                .page(jdbc, limit, cursor, this::groupRow);
    }

    Optional<GroupView> group(String groupId) {
        return jdbc.sql("SELECT * FROM " + FeedbackGroupProjection.TABLE + " WHERE group_id = :id")
                .param("id", groupId).query(this::groupRow).optional();
    }

    /** Probe counts per attack family and item counts per signal category, every category present. */
    Map<String, Long> countsByClass(Instant from, Instant to) {
        return counts(queueVersion().countsByClass(), Arrays.stream(SecurityClass.values()).map(WireName::of).toList(), from, to);
    }

    Map<String, Long> countsBySignal(Instant from, Instant to) {
        return counts(queueVersion().countsBySignal(), Arrays.stream(SignalCategory.values()).map(WireName::of).toList(), from, to);
    }

    private Map<String, Long> counts(String sql, List<String> keys, Instant from, Instant to) {
        Map<String, Long> counts = zeroCounts(keys);
        jdbc.sql(sql).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> counts.put(rs.getString("key"), rs.getLong("n"))).list();
        return counts;
    }

    private static Map<String, Long> zeroCounts(List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }

    private FeedbackItem row(ResultSet rs, int n) throws SQLException {
        String context = rs.getString("context");
        String team = rs.getString("handoff_team");
        return new FeedbackItem(rs.getString("feedback_id"), rs.getString("submission_id"),
                rs.getString("org_id"), rs.getString("workspace_id"), rs.getString("user_id"),
                rs.getString("channel"), rs.getString("message"), rs.getString("page"),
                context == null ? null : json.readTree(context), rs.getString("state"),
                strings(rs.getArray("security_classes")), rs.getString("signal"), rs.getString("severity"),
                json.readValue(rs.getString("findings"), EVIDENCE), rs.getString("assignee"),
                team == null ? null : new HandoffView(team, rs.getString("handoff_note")),
                new GroupHint(rs.getString("group_id"), rs.getInt("group_size"), rs.getBoolean("group_burst")),
                instant(rs, "submitted_at"), instant(rs, "updated_at"), rs.getObject("triage_seconds", Long.class));
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
