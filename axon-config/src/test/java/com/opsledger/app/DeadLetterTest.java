package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No single event can stop a projection. The exact case that did: a notification with occurredAt
 * {@code +999999999-12-31T23:59:59Z}, accepted before the door checked instants, stored, and then failing in the
 * {@code notifications-v1} projection (PostgreSQL: timestamp out of range) on every try, so that the notifications
 * after it never appeared, health went DOWN and reads with {@code minPosition} answered 503. The door refuses it
 * now (StrictInputTest), so this test writes the event into the store as the old door did.
 */
class DeadLetterTest extends IntegrationTest {

    private static final String ADMIN = Api.token("adele", "admin");
    private static final String PROJECTION = "notifications-v1";
    private static final String YEAR_999999999 = "+999999999-12-31T23:59:59Z";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPoisonedNotificationIsParkedAndTheRestFlows() {
        Api api = api();
        String run = UUID.randomUUID().toString();
        String poisonId = storePoisonedNotification(api, run);

        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api.Response r = api.ingest("/api/v1/ingest/notifications", notification(run + "-" + i,
                    "2026-11-24T05:00:0" + i + "Z"));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            positions.add(r.at("/position").asLong());
        }
        long last = positions.get(positions.size() - 1);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/admin/notifications?minPosition=" + last, ADMIN).status() == 200);
        assertThat(ours(api, run)).as("all ten after the poisoned one").hasSize(10);

        JsonNode parked = api.get("/api/v1/admin/projections/" + PROJECTION + "/dead-letters", ADMIN).json();
        assertThat(parked.at("/total").asLong()).isEqualTo(1);
        JsonNode letter = parked.at("/items/0");
        assertThat(letter.get("aggregateId").asString()).isEqualTo(poisonId);
        assertThat(letter.get("sequence").asString()).isEqualTo(poisonId);
        assertThat(letter.get("eventType").asString()).endsWith("NotificationReceived");
        assertThat(letter.get("cause").asString()).startsWith("the ");
        assertThat(letter.toString()).as("no exception text for operators").doesNotContain("Exception")
                .doesNotContain("SQL").doesNotContain("org.").doesNotContain("java.");
        assertThat(letter.get("attempts").asLong()).isEqualTo(1);
        assertThat(letter.get("position").asLong()).isLessThan(positions.get(0));

        Api.Response anonymousHealth = api.get("/actuator/health", null);
        assertThat(anonymousHealth.status()).isEqualTo(200);
        assertThat(anonymousHealth.at("/status").asString()).isEqualTo("UP");
        JsonNode processors = api.get("/actuator/health", ADMIN).at("/components/eventProcessors");
        assertThat(processors.at("/status").asString()).isEqualTo("UP");
        assertThat(processors.at("/details/" + PROJECTION + "/deadLetters").asLong()).isEqualTo(1);
        assertThat(processors.at("/details/warnings/0").asString()).contains(PROJECTION, "dead-letter");

        Api.Response retried = api.post("/api/v1/admin/projections/" + PROJECTION + "/dead-letters/" + poisonId
                + "/retry", ADMIN, Map.of());
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(retried.at("/processed").asBoolean()).isFalse();
        assertThat(retried.at("/remaining").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/admin/projections/" + PROJECTION + "/dead-letters", ADMIN)
                .at("/items/0/attempts").asLong()).isEqualTo(2);

        // A rebuild replays the poisoned event too: the new generation parks it in a queue of its own, and once
        // swapped in its read model is whole and its dead letters are the live ones.
        assertThat(api.post("/api/v1/admin/projections/" + PROJECTION + "/rebuild", ADMIN, Map.of()).status())
                .isEqualTo(202);
        api.awaitRebuilt(PROJECTION);
        JsonNode status = api.get("/api/v1/admin/projections", ADMIN).json().valueStream()
                .filter(p -> p.get("name").asString().equals(PROJECTION)).findFirst().orElseThrow();
        assertThat(status.get("deadLetters").asLong()).as("the new generation's own").isEqualTo(1);
        assertThat(status.at("/generations/0/state").asString()).isEqualTo("retired");
        assertThat(status.at("/generations/0/deadLetters").asLong()).as("the old generation's, kept").isEqualTo(1);
        assertThat(api.get("/api/v1/admin/projections/" + PROJECTION + "/dead-letters", ADMIN)
                .at("/items/0/attempts").asLong()).as("parked afresh, not the retried letter").isEqualTo(1);
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/admin/notifications?minPosition=" + head, ADMIN).status() == 200);
        assertThat(ours(api, run)).hasSize(10);
        assertThat(api.get("/api/v1/admin/projections/" + PROJECTION + "/dead-letters", ADMIN).at("/items/0/aggregateId")
                .asString()).isEqualTo(poisonId);

        Api.Response evicted = api.post("/api/v1/admin/projections/" + PROJECTION + "/dead-letters/" + poisonId
                + "/evict", ADMIN, Map.of());
        assertThat(evicted.status()).as(evicted.raw()).isEqualTo(200);
        assertThat(evicted.at("/remaining").asLong()).isZero();
        assertThat(api.get("/api/v1/admin/projections/" + PROJECTION + "/dead-letters", ADMIN).at("/total").asLong())
                .isZero();
        assertThat(api.get("/actuator/health", ADMIN).at("/components/eventProcessors/details/warnings").isMissingNode())
                .isTrue();
        SecurityAndErrorsTest.assertProblem(api.post("/api/v1/admin/projections/" + PROJECTION + "/dead-letters/"
                + poisonId + "/evict", ADMIN, Map.of()), 404);
        SecurityAndErrorsTest.assertProblem(api.post("/api/v1/admin/projections/" + PROJECTION + "/dead-letters/"
                + poisonId + "/retry", Api.token("otto", "operator"), Map.of()), 403);
    }

    @Test
    void theDeadLetterEndpointsRefuseWhatTheyDoNotKnow() {
        Api api = api();
        SecurityAndErrorsTest.assertProblem(api.get("/api/v1/admin/projections/no-such-v1/dead-letters", ADMIN), 404);
        SecurityAndErrorsTest.assertProblem(api.post("/api/v1/admin/projections/no-such-v1/dead-letters/x/retry",
                ADMIN, Map.of()), 404);
        Api.Response cursor = api.get("/api/v1/admin/projections/" + PROJECTION + "/dead-letters?cursor=garbage",
                ADMIN);
        SecurityAndErrorsTest.assertProblem(cursor, 400);
        assertThat(cursor.at("/errors/0/field").asString()).isEqualTo("cursor");
        Api.Response limit = api.get("/api/v1/admin/projections/" + PROJECTION + "/dead-letters?limit=0", ADMIN);
        SecurityAndErrorsTest.assertProblem(limit, 400);
        assertThat(limit.at("/errors/0/field").asString()).isEqualTo("limit");
        SecurityAndErrorsTest.assertProblem(api.get("/api/v1/admin/projections/" + PROJECTION + "/dead-letters",
                null), 401);
    }

    /**
     * The same in the projection that writes two tables (the queue and the timeline) in batches of 1,000: the
     * poisoned event's writes on both roll back together, and the events after it apply.
     */
    @Test
    void aPoisonedFeedbackEventParksWithoutHalfOfItsWrites() {
        Api api = api();
        Api.Response template = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                "poison-template-" + UUID.randomUUID(), "Template for a poisoned submission"));
        String poisonId = storePoisonedCopy(template.at("/feedbackId").asString(), "fb-", payload -> payload
                .replaceFirst("\"submittedAt\":\"[^\"]+\"", "\"submittedAt\":\"" + YEAR_999999999 + "\""));

        List<String> after = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < 5; i++) {
            Api.Response r = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                    "after-poison-" + UUID.randomUUID(), "Report number " + i + " after the poisoned one"));
            after.add(r.at("/feedbackId").asString());
            last = r.at("/position").asLong();
        }
        long position = last;
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/admin/feedback?minPosition=" + position, ADMIN).status() == 200);
        for (String id : after) {
            assertThat(api.get("/api/v1/admin/feedback/" + id, ADMIN).status()).as(id).isEqualTo(200);
        }
        // Both versions of the queue are kept, each by its own processor, and each parks the event in its own queue;
        // the read above waited for the version readers read only.
        for (String projection : List.of("feedback-queue-v1", "feedback-queue-v2")) {
            String deadLetters = "/api/v1/admin/projections/" + projection + "/dead-letters";
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get(deadLetters, ADMIN).at("/total").asLong() > 0);
            JsonNode parked = api.get(deadLetters, ADMIN).json();
            assertThat(parked.at("/items").valueStream().map(l -> l.get("sequence").asString())).as(projection)
                    .containsExactly(poisonId);
            assertThat(api.post(deadLetters + "/" + poisonId + "/evict", ADMIN, Map.of()).at("/remaining").asLong())
                    .isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM read_model.feedback_timeline_v1 WHERE feedback_id = :id")
                .param("id", poisonId).query(Long.class).single()).as("timeline rows of the parked event").isZero();
    }

    /** Stores a NotificationReceived as the old door accepted it: a real one's JSON with the year +999999999. */
    private String storePoisonedNotification(Api api, String run) {
        Api.Response template = api.ingest("/api/v1/ingest/notifications", notification(run + "-template",
                "2026-11-24T04:00:00Z"));
        return storePoisonedCopy(template.at("/notificationId").asString(), "ntf-",
                payload -> payload.replace("2026-11-24T04:00:00Z", YEAR_999999999));
    }

    /**
     * Copies the first event of {@code templateId} to a new aggregate with {@code poison} applied to its JSON,
     * straight into the event store, and answers the new aggregate's id.
     */
    private String storePoisonedCopy(String templateId, String idPrefix, UnaryOperator<String> poison) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT * FROM domain_event_entry WHERE aggregate_identifier = :id AND sequence_number = 0""")
                .param("id", templateId).query().singleRow();
        String poisonId = idPrefix + UUID.randomUUID();
        String payload = poison.apply(((String) row.get("payload")).replace(templateId, poisonId));
        assertThat(payload).contains(YEAR_999999999);
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:eventId, :aggregateId, 0, :type, :timeStamp, :payloadType, :revision, :payload,
                            :metaData)""")
                .param("eventId", UUID.randomUUID().toString()).param("aggregateId", poisonId)
                .param("type", row.get("type")).param("timeStamp", row.get("time_stamp"))
                .param("payloadType", row.get("payload_type")).param("revision", row.get("payload_revision"))
                .param("payload", payload).param("metaData", row.get("meta_data"))
                .update();
        return poisonId;
    }

    private static Map<String, Object> notification(String id, String occurredAt) {
        return Map.of("id", id, "kind", "schedule_failed", "source", "scheduler", "severity", "error",
                "summary", "nightly export " + id, "occurredAt", occurredAt);
    }

    private List<String> ours(Api api, String run) {
        return api.get("/api/v1/admin/notifications?from=2026-11-24T05:00:00Z&to=2026-11-24T05:00:10Z&limit=200",
                ADMIN).at("/items").valueStream().map(n -> n.get("id").asString())
                .filter(id -> id.startsWith(run)).toList();
    }
}
