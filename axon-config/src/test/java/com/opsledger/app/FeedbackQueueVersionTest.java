package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema change of the worked example: version 2 of the feedback queue, with the seconds to each item's first
 * triage derived from events stored before it existed, built beside version 1 from the whole history and switched in
 * for readers once caught up; version 1 is kept meanwhile and agrees with it on every column they share.
 */
class FeedbackQueueVersionTest {

    private static final String OPERATOR = Api.token("olivia", "operator");
    private static final String ADMIN = Api.token("adele", "admin");

    @Test
    void versionTwoIsBuiltFromTheHistorySwitchedInAndKeepsTheTimeToTriage() {
        TestDatabase.Connection database = TestDatabase.freshDatabase();
        List<String> items = new ArrayList<>();
        long head = 0;
        try (ConfigurableApplicationContext first = TestService.start(TestService.settings(database))) {
            Api api = new Api(TestService.port(first));
            for (int i = 0; i < 6; i++) {
                Api.Response submitted = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                        "version-" + i, "Version two " + i + " " + UUID.randomUUID()));
                assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
                items.add(submitted.at("/feedbackId").asString());
            }
            for (int i = 0; i < 3; i++) {
                head = api.post("/api/v1/admin/feedback/" + items.get(i) + "/triage", OPERATOR, Map.of())
                        .at("/position").asLong();
            }
            // Then version 2 is new: as if it came with the next release, it has neither rows nor tokens yet.
            api.awaitServing("feedback-queue-v2");
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("DELETE FROM token_entry WHERE processor_name = 'feedback-queue-v2'").update();
            jdbc.sql("DROP INDEX read_model.feedback_v2_queue").update();
            jdbc.sql("TRUNCATE read_model.feedback_v2").update();
            jdbc.sql("UPDATE read_model.read_model_version SET live = 'feedback-queue-v1', switched_at = NULL")
                    .update();
        }
        try (ConfigurableApplicationContext next = TestService.start(TestService.settings(database))) {
            Api api = new Api(TestService.port(next));
            JdbcClient jdbc = next.getBean(JdbcClient.class);
            api.awaitServing("feedback-queue-v2");
            JsonNode projections = api.get("/api/v1/admin/projections", ADMIN).json();
            assertThat(projections.valueStream().filter(p -> p.get("name").asString().equals("feedback-queue-v1"))
                    .findFirst().orElseThrow().get("servesReads").asBoolean()).isFalse();
            assertThat(jdbc.sql("SELECT switched_at IS NOT NULL FROM read_model.read_model_version "
                    + "WHERE read_model = 'feedback-queue'").query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE tablename = 'feedback_v2'")
                    .query(Long.class).single()).as("version 1's indexes, copied once caught up").isEqualTo(
                    jdbc.sql("SELECT count(*) FROM pg_indexes WHERE tablename = 'feedback_v1'").query(Long.class)
                            .single());

            for (int i = 0; i < items.size(); i++) {
                JsonNode item = api.get("/api/v1/admin/feedback/" + items.get(i) + "?minPosition=" + head, OPERATOR)
                        .at("/item");
                if (i < 3) {
                    assertThat(item.get("state").asString()).isEqualTo("triaged");
                    assertThat(item.get("triageSeconds").asLong()).isBetween(0L, 60L);
                } else {
                    assertThat(item.get("state").asString()).isEqualTo("open");
                    assertThat(item.has("triageSeconds")).isFalse();
                }
            }
            Long triagedSeconds = jdbc.sql("SELECT triage_seconds FROM read_model.feedback_v2 WHERE feedback_id = :id")
                    .param("id", items.get(0)).query(Long.class).single();
            assertThat(triagedSeconds).isEqualTo(jdbc.sql("""
                    SELECT floor(extract(epoch FROM t.occurred_at - f.submitted_at))::bigint
                    FROM read_model.feedback_timeline_v1 t JOIN read_model.feedback_v1 f USING (feedback_id)
                    WHERE t.feedback_id = :id AND t.event_type = 'FeedbackTriaged'""")
                    .param("id", items.get(0)).query(Long.class).single());

            // Version 1 is kept up to date beside it, and the two agree on every column version 1 has.
            long after = api.post("/api/v1/admin/feedback/" + items.get(4) + "/triage", OPERATOR, Map.of())
                    .at("/position").asLong();
            assertThat(api.get("/api/v1/admin/feedback/" + items.get(4) + "?minPosition=" + after, OPERATOR)
                    .at("/item/state").asString()).isEqualTo("triaged");
            while (!"triaged".equals(jdbc.sql("SELECT state FROM read_model.feedback_v1 WHERE feedback_id = :id")
                    .param("id", items.get(4)).query(String.class).single())) {
                Api.pause(java.time.Duration.ofMillis(50));
            }
            String v1Columns = String.join(", ", jdbc.sql("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'read_model' AND table_name = 'feedback_v1' ORDER BY ordinal_position")
                    .query(String.class).list());
            assertThat(jdbc.sql("SELECT count(*) FROM (SELECT " + v1Columns + " FROM read_model.feedback_v2 "
                    + "EXCEPT SELECT " + v1Columns + " FROM read_model.feedback_v1) differing")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM read_model.feedback_v1").query(Long.class).single())
                    .isEqualTo(jdbc.sql("SELECT count(*) FROM read_model.feedback_v2").query(Long.class).single());
        }
    }
}
