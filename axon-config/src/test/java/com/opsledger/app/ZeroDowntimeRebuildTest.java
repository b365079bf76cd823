package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild of the feedback queue while operators read it at a steady rate: every read during the build and the swap
 * answers, and answers right; the rebuilt generation ends row for row equal to the one built event by event, and the
 * build's progress is visible meanwhile.
 */
class ZeroDowntimeRebuildTest {

    private static final String OPERATOR = Api.token("olivia", "operator");
    private static final String ADMIN = Api.token("adele", "admin");
    private static final String PROJECTION = "feedback-queue-v2";
    private static final int ITEMS = 120;

    @Test
    void readsDuringARebuildAllAnswerRightAndTheNewGenerationEqualsTheOld() throws InterruptedException {
        TestDatabase.Connection database = TestDatabase.freshDatabase();
        try (ConfigurableApplicationContext service = TestService.start(TestService.settings(database))) {
            Api api = new Api(TestService.port(service));
            List<String> items = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                Api.Response submitted = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                        "zero-" + i, "Rebuild me " + i + " " + UUID.randomUUID()));
                assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
                items.add(submitted.at("/feedbackId").asString());
            }
            long head = 0;
            for (int i = 0; i < ITEMS; i += 2) {
                head = api.post("/api/v1/admin/feedback/" + items.get(i) + "/triage", OPERATOR,
                        Map.of("reason", "even")).at("/position").asLong();
            }
            api.awaitServing(PROJECTION);
            assertThat(api.get("/api/v1/admin/feedback/" + items.get(0) + "?minPosition=" + head, OPERATOR)
                    .status()).isEqualTo(200);

            // Reads at a fixed rate, each checked against what the history says.
            AtomicInteger reads = new AtomicInteger();
            Set<String> wrong = ConcurrentHashMap.newKeySet();
            ScheduledExecutorService readers = Executors.newScheduledThreadPool(2);
            readers.scheduleAtFixedRate(() -> {
                int n = reads.getAndIncrement();
                String id = items.get(n % ITEMS);
                Api.Response read = api.get("/api/v1/admin/feedback/" + id, OPERATOR);
                String expected = n % ITEMS % 2 == 0 ? "triaged" : "open";
                int events = n % ITEMS % 2 == 0 ? 2 : 1;
                if (read.status() != 200 || !read.at("/item/state").asString().equals(expected)
                        || read.at("/timeline").size() != events) {
                    wrong.add(n + ": " + read.status() + " " + read.raw());
                }
            }, 0, 20, TimeUnit.MILLISECONDS);

            Api.Response started = api.post("/api/v1/admin/projections/" + PROJECTION + "/rebuild", ADMIN, Map.of());
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            JsonNode building = started.at("/generations/0");
            assertThat(building.get("generation").asInt()).isEqualTo(2);
            assertThat(building.get("state").asString()).isIn("building", "catching_up", "live");
            assertThat(building.get("processor").asString()).isEqualTo(PROJECTION + ".g2");

            assertThat(api.awaitRebuilt(PROJECTION)).isEqualTo(2);
            Api.pause(Duration.ofSeconds(1));
            readers.shutdown();
            assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(wrong).as("reads that failed or answered wrong").isEmpty();
            assertThat(reads.get()).as("reads made during the rebuild").isGreaterThan(20);

            JdbcClient jdbc = service.getBean(JdbcClient.class);
            assertThat(rows(jdbc, "read_model.feedback_v2")).isEqualTo(rows(jdbc, "read_model.feedback_v2__g1"))
                    .hasSize(ITEMS);
            JsonNode status = api.get("/api/v1/admin/projections", ADMIN).json().valueStream()
                    .filter(p -> p.get("name").asString().equals(PROJECTION)).findFirst().orElseThrow();
            assertThat(status.get("liveGeneration").asInt()).isEqualTo(2);
            assertThat(status.at("/generations/0/generation").asInt()).isEqualTo(1);
            assertThat(status.at("/generations/0/state").asString()).isEqualTo("retired");

            // The live processor writes the new generation: a change after the swap shows.
            long after = api.post("/api/v1/admin/feedback/" + items.get(1) + "/triage", OPERATOR, Map.of())
                    .at("/position").asLong();
            assertThat(api.get("/api/v1/admin/feedback/" + items.get(1) + "?minPosition=" + after, OPERATOR)
                    .at("/item/state").asString()).isEqualTo("triaged");
            assertThat(jdbc.sql("SELECT state FROM read_model.feedback_v2__g2 WHERE feedback_id = :id")
                    .param("id", items.get(1)).query(String.class).single()).isEqualTo("triaged");
        }
    }

    private static List<String> rows(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY t.feedback_id").query(String.class).list();
    }
}
