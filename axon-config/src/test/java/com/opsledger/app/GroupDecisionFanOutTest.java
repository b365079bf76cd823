package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision for a group of 2,000 members is answered at once and reaches every member in the background, each
 * exactly once, also when the node stops in the middle of the fan-out and another start resumes it.
 */
class GroupDecisionFanOutTest {

    private static final int MEMBERS = 2_000;
    private static final String OPERATOR = Api.token("fran", "operator");

    private final TestDatabase.Connection database = TestDatabase.freshDatabase();

    @Test
    void aDecisionOfTwoThousandMembersIsAnsweredAtOnceAndAppliedOnceToEachAcrossARestart() throws Exception {
        String groupId;
        long decidedAt;
        try (ConfigurableApplicationContext first = TestService.start(TestService.settings(database))) {
            Api api = new Api(TestService.port(first));
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            groupId = submitMembers(api);

            Api.Response decided = api.post("/api/v1/admin/feedback-groups/" + groupId + "/triage", OPERATOR,
                    Map.of("decision", "archive_duplicates", "reason", "one scanner, one answer"));
            long membersChangedWhenAnswered = memberEvents(jdbc);
            assertThat(decided.status()).as(decided.raw()).isEqualTo(202);
            assertThat(decided.at("/members").asInt()).isEqualTo(MEMBERS);
            assertThat(membersChangedWhenAnswered).as("the answer does not wait for the members")
                    .isLessThan(MEMBERS);
            decidedAt = decided.at("/position").asLong();

            // Stop the node once the fan-out has reported its first progress, well before its end.
            awaitProgress(api, groupId, decidedAt, progress -> progress.at("/changed").asInt() > 0);
        }
        JdbcClient stopped = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(),
                database.password()));
        assertThat(memberEvents(stopped)).as("the node stopped in the middle of the fan-out")
                .isGreaterThan(0).isLessThan(MEMBERS);

        try (ConfigurableApplicationContext second = TestService.start(TestService.settings(database))) {
            Api api = new Api(TestService.port(second));
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            JsonNode progress = awaitProgress(api, groupId, decidedAt, p -> p.at("/finished").asBoolean());
            assertThat(progress.at("/changed").asInt()).isEqualTo(MEMBERS);
            assertThat(progress.at("/leftAlone").asInt()).isZero();
            assertThat(progress.at("/pending").asInt()).isZero();

            assertThat(jdbc.sql("""
                            SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry
                            WHERE payload_type LIKE '%.FeedbackArchived'""").query(Long.class).single())
                    .as("every member archived").isEqualTo(MEMBERS);
            assertThat(memberEvents(jdbc)).as("each exactly once").isEqualTo(MEMBERS);
            JsonNode members = api.get("/api/v1/admin/feedback?group=" + groupId + "&state=archived&minPosition="
                    + api.head(), OPERATOR).json();
            assertThat(members.at("/total").asLong()).isEqualTo(1000);
            assertThat(members.at("/totalExact").asBoolean()).as("over 1,000: a capped total").isFalse();
            JsonNode timeline = api.get("/api/v1/admin/feedback/" + members.at("/items/0/feedbackId").asString(),
                    OPERATOR).at("/timeline/1");
            assertThat(timeline.get("actor").asString()).as("the operator who decided").isEqualTo("fran");
            assertThat(timeline.get("reason").asString()).isEqualTo("one scanner, one answer");
        }
    }

    /** The same probe from 2,000 users at once: one group. */
    private static String submitMembers(Api api) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> sent = IntStream.range(0, MEMBERS)
                    .mapToObj(i -> clients.submit(() -> api.ingest("/api/v1/ingest/feedback",
                            FeedbackWorkflowTest.submission("fan-out-" + i, "<script>alert(" + i + ")</script>"))))
                    .toList();
            String groupId = null;
            for (Future<Api.Response> response : sent) {
                Api.Response r = response.get();
                assertThat(r.status()).as(r.raw()).isEqualTo(201);
                assertThat(groupId == null || groupId.equals(r.at("/groupId").asString())).isTrue();
                groupId = r.at("/groupId").asString();
            }
            return groupId;
        } finally {
            clients.shutdown();
        }
    }

    /** Member events a group decision produced, counted in the store. */
    private static long memberEvents(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE payload_type LIKE '%.FeedbackArchived' AND payload::jsonb ->> 'decisionSequence' IS NOT NULL""")
                .query(Long.class).single();
    }

    /** Reads the group, once its projection has passed the decision, until its progress is as {@code until} asks. */
    static JsonNode awaitProgress(Api api, String groupId, long decidedAt, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            Api.Response group = api.get("/api/v1/admin/feedback-groups/" + groupId + "?minPosition=" + decidedAt,
                    OPERATOR);
            assertThat(group.status()).as(group.raw()).isEqualTo(200);
            JsonNode progress = group.at("/group/decisionProgress");
            if (!progress.isMissingNode() && until.test(progress)) {
                return progress;
            }
            assertThat(System.nanoTime()).as("progress within 120 s: " + group.raw()).isLessThan(deadline);
            Api.pause(Duration.ofMillis(20));
        }
    }
}
