package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database made by an older release (main d61cd4a, {@code legacy-database/create.sh}): today's service migrates
 * it, keeps its rows, reads its whole history (events stored under the classes' old names and revisions) and
 * carries on with the aggregates it holds.
 */
class LegacyDatabaseTest {

    private static final String DUMP = "/legacy-database/d61cd4a.sql";
    private static final String OPERATOR = Api.token("lena", "operator");
    private static final String ADMIN = Api.token("root", "admin");
    /** The read tables of that release, each with the order its rows are compared in. */
    private static final Map<String, String> READ_MODELS = Map.of(
            "feedback_v1", "feedback_id", "feedback_timeline_v1", "event_id",
            "feedback_group_v1", "group_id", "notification_v1", "notification_id");

    private final TestDatabase.Connection database = TestDatabase.freshDatabase();

    @Test
    void aDatabaseOfAnOlderReleaseMigratesKeepsItsRowsAndReplaysToTheSameReadModels() throws Exception {
        restoreDump();
        insertDeadLetterUnderTheOldTypeName();
        Map<String, List<Map<String, String>>> before = readModels(JdbcClient.create(
                new DriverManagerDataSource(database.url(), database.user(), database.password())), null);
        assertThat(before.get("feedback_v1")).hasSize(11);
        assertThat(before.get("feedback_timeline_v1")).hasSize(28);

        try (ConfigurableApplicationContext service = TestService.start(TestService.settings(database))) {
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            Api api = new Api(TestService.port(service));
            assertThat(readModels(jdbc, before)).as("rows kept by the migration").isEqualTo(before);
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history_single_location").query(Long.class)
                    .single()).as("the old history, kept aside").isEqualTo(5);
            assertThat(jdbc.sql("SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank")
                    .query(String.class).list())
                    .as("a baseline at the same schema, then what came since")
                    .containsExactly("7 BASELINE", "8 SQL", "9 SQL", "10 SQL", "11 SQL", "12 SQL", "13 SQL", "14 SQL",
                            "15 SQL", "16 SQL", "17 SQL", "18 SQL", "19 SQL", "20 SQL", "21 SQL",
                            "22 SQL", "23 SQL", "24 SQL", "25 SQL", "26 SQL", "27 SQL", "28 SQL", "29 SQL", "30 SQL", "31 SQL", "32 SQL");
            assertThat(jdbc.sql("SELECT payload_type FROM dead_letter_entry").query(String.class).single())
                    .isEqualTo("com.opsledger.events.feedback.event.FeedbackTriaged");
            jdbc.sql("DELETE FROM dead_letter_entry").update();

            // Every read model rebuilt from the old history is the one the old release built.
            long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
            for (String projection : List.of("feedback-queue-v1", "feedback-groups-v1", "notifications-v1")) {
                Api.Response rebuild = api.post("/api/v1/admin/projections/" + projection + "/rebuild", ADMIN,
                        Map.of());
                assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
                api.awaitRebuilt(projection);
            }
            assertThat(api.get("/api/v1/admin/feedback?minPosition=" + head, OPERATOR).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/admin/notifications?minPosition=" + head, OPERATOR).status()).isEqualTo(200);
            assertThat(readModels(jdbc, before)).as("rows rebuilt from the old history").isEqualTo(before);
            assertThat(jdbc.sql("SELECT count(*) FROM dead_letter_entry").query(Long.class).single())
                    .as("no event of the old history failed").isZero();

            // The old aggregates load and take commands: a second report of the export bug joins its old group.
            Api.Response again = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                    "after-upgrade", "Export to CSV is broken"));
            assertThat(again.status()).as(again.raw()).isEqualTo(201);
            Api.Response group = api.get("/api/v1/admin/feedback-groups/" + again.at("/groupId").asString()
                    + "?minPosition=" + again.at("/position").asLong(), OPERATOR);
            assertThat(group.at("/group/memberCount").asInt()).as(group.raw()).isEqualTo(3);
            String idea = jdbc.sql("SELECT feedback_id FROM read_model.feedback_v1 WHERE submission_id = 's-idea'")
                    .query(String.class).single();
            Api.Response triaged = api.post("/api/v1/admin/feedback/" + idea + "/triage", OPERATOR, Map.of());
            assertThat(triaged.status()).as(triaged.raw()).isEqualTo(200);
            Api.Response repeated = api.ingest("/api/v1/ingest/feedback", """
                    {"submissionId":"s-slow","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-slow",
                     "channel":"web","message":"The dashboard takes a minute to load","page":"/reports",
                     "context":{"browser":"firefox","n":1.50}}""");
            assertThat(repeated.status()).as("an old submission repeated: " + repeated.raw()).isEqualTo(200);
            assertThat(repeated.at("/created").asBoolean()).isFalse();
        }
    }

    @Test
    void aDatabaseOlderThanTheLastSingleLocationReleaseIsRefusedUntouched() throws Exception {
        restoreDump();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            c.createStatement().execute("DELETE FROM public.flyway_schema_history WHERE version::int > 3");
        }

        assertThatThrownBy(() -> TestService.start(TestService.settings(database)).close())
                .rootCause().hasMessageContaining("migrate it with release d61cd4a (version 5) first");
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT to_regclass('public.flyway_schema_history_single_location') IS NULL")) {
            assertThat(rs.next() && rs.getBoolean(1)).as("its history untouched").isTrue();
        }
    }

    private void restoreDump() throws IOException, SQLException {
        String dump;
        try (InputStream in = getClass().getResourceAsStream(DUMP)) {
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            c.createStatement().execute(dump);
        }
    }

    /** A parked event as that release parked it: its payload type names the class's old package. */
    private void insertDeadLetterUnderTheOldTypeName() throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            c.createStatement().execute("""
                    INSERT INTO public.dead_letter_entry (dead_letter_id, processing_group, sequence_identifier,
                        sequence_index, message_type, event_identifier, time_stamp, payload_type, payload,
                        enqueued_at)
                    VALUES ('dl-1', 'feedback-queue-v1', 'fb-x', 0, 'org.axonframework.eventhandling.GenericDomainEventMessage',
                        'ev-1', '2026-12-02T04:20:00Z', 'com.opsledger.events.feedback.FeedbackTriaged',
                        convert_to('{"feedbackId":"fb-x","groupId":null}', 'UTF8'), '2026-12-02T04:20:00Z')""");
        }
    }

    /** Each read table's rows as text, in a fixed order, limited to the columns {@code columnsOf} had. */
    private static Map<String, List<Map<String, String>>> readModels(JdbcClient jdbc,
                                                                    Map<String, List<Map<String, String>>> columnsOf) {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        READ_MODELS.forEach((table, order) -> {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM read_model." + table + " ORDER BY " + order)
                    .query().listOfRows()) {
                Map<String, String> text = new LinkedHashMap<>();
                row.forEach((column, value) -> text.put(column, String.valueOf(value)));
                if (columnsOf != null && !columnsOf.get(table).isEmpty()) {
                    text.keySet().retainAll(columnsOf.get(table).get(0).keySet());
                }
                rows.add(text);
            }
            tables.put(table, rows);
        });
        return tables;
    }
}
