package com.opsledger.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what, and how bad input is answered: problem+json, the right status, nothing changed. */
class SecurityAndErrorsTest extends IntegrationTest {

    private static final String OPERATOR = Api.token("otto", "operator");
    private static final String AUDITOR = Api.token("ada", "auditor");
    private static final String ADMIN = Api.token("alex", "admin");
    private static final String NO_ROLES = Api.token("nobody");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    private String submit(Api api) {
        Api.Response r = api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), "Search is slow on big workspaces"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.at("/feedbackId").asString();
    }

    static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.at("/status").asInt()).isEqualTo(status);
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at com.");
    }

    @Test
    void withoutCredentialsOnlyHealthIsOpen() {
        Api api = api();
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/admin/feedback", null), 401);
        assertProblem(api.post("/api/v1/admin/feedback/fb-x/triage", null, Map.of()), 401);
        assertProblem(api.get("/api/v1/admin/notifications", null), 401);
        assertProblem(api.get("/v3/api-docs", null), 401);
        assertProblem(api.get("/actuator/prometheus", null), 401);
        assertProblem(api.post("/api/v1/ingest/feedback", null, Map.of()), 401);
        assertProblem(api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/ingest/feedback")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), null, "not-the-service-key"), 401);
        assertProblem(api.get("/api/v1/admin/feedback", "Bearer not.a.token"), 401);
    }

    @Test
    void operatorTokensDoNotOpenTheIngestPaths() {
        assertProblem(api().post("/api/v1/ingest/feedback", OPERATOR,
                FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), "hello")), 401);
    }

    @Test
    void eachRoleGetsWhatItIsFor() {
        Api api = api();
        String id = submit(api);
        assertThat(api.get("/api/v1/admin/feedback", AUDITOR).status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/admin/feedback/" + id + "/triage", AUDITOR, Map.of()), 403);
        assertProblem(api.post("/api/v1/admin/notifications/acknowledge", AUDITOR,
                Map.of("notificationIds", List.of("ntf-x"))), 403);
        assertProblem(api.get("/api/v1/admin/feedback", NO_ROLES), 403);
        assertThat(api.post("/api/v1/admin/feedback/" + id + "/triage", ADMIN, Map.of()).status()).isEqualTo(200);
        assertProblem(api.get("/actuator/prometheus", OPERATOR), 403);
        assertProblem(api.post("/api/v1/admin/projections/feedback-queue-v1/rebuild", OPERATOR, Map.of()), 403);
        assertThat(api.get("/v3/api-docs", AUDITOR).status()).isEqualTo(200);
    }

    @Test
    void badInputIsA400NamingTheFieldAndRecordsNothing() {
        Api api = api();
        long eventsBefore = eventCount();
        Map<String, Object> noMessage = new HashMap<>(FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), "x"));
        noMessage.remove("message");
        Api.Response missing = api.ingest("/api/v1/ingest/feedback", noMessage);
        assertProblem(missing, 400);
        assertThat(missing.at("/errors/0/field").asString()).isEqualTo("message");

        Api.Response empty = api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), ""));
        assertProblem(empty, 400);
        assertThat(empty.at("/errors/0/field").asString()).isEqualTo("message");

        Api.Response tooLong = api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), "a".repeat(10_001)));
        assertProblem(tooLong, 400);
        assertThat(tooLong.at("/errors/0/field").asString()).isEqualTo("message");

        Map<String, Object> badContext = new HashMap<>(FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), "x"));
        badContext.put("context", List.of(1, 2));
        assertThat(api.ingest("/api/v1/ingest/feedback", badContext).at("/errors/0/field").asString())
                .isEqualTo("context");

        assertProblem(api.ingest("/api/v1/ingest/feedback", "{not json"), 400);

        Api.Response nul = api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), "before\u0000after"));
        assertProblem(nul, 400);
        assertThat(nul.at("/errors/0/field").asString()).isEqualTo("message");

        Api.Response badKind = api.ingest("/api/v1/ingest/notifications", Map.of("id", "n-" + UUID.randomUUID(),
                "kind", "coffee_break", "source", "s", "severity", "error", "summary", "s",
                "occurredAt", "2026-11-24T00:00:00Z"));
        assertProblem(badKind, 400);
        assertThat(badKind.at("/errors/0/field").asString()).isEqualTo("kind");

        Api.Response badTime = api.ingest("/api/v1/ingest/notifications", Map.of("id", "n-" + UUID.randomUUID(),
                "kind", "usage_event", "source", "s", "severity", "error", "summary", "s", "occurredAt", "yesterday"));
        assertProblem(badTime, 400);
        assertThat(badTime.at("/errors/0/field").asString()).isEqualTo("occurredAt");

        String id = submit(api);
        long afterOneSubmission = eventCount();
        Api.Response badSignal = api.post("/api/v1/admin/feedback/" + id + "/reclassify", OPERATOR,
                Map.of("securityClasses", List.of(), "signal", "loud", "severity", "low", "reason", "r"));
        assertProblem(badSignal, 400);
        assertThat(badSignal.at("/errors/0/field").asString()).isEqualTo("signal");
        Api.Response noReason = api.post("/api/v1/admin/feedback/" + id + "/reopen", OPERATOR, Map.of());
        assertProblem(noReason, 400);
        assertThat(noReason.at("/errors/0/field").asString()).isEqualTo("reason");

        Api.Response badLimit = api.get("/api/v1/admin/feedback?limit=500", OPERATOR);
        assertProblem(badLimit, 400);
        assertThat(badLimit.at("/errors/0/field").asString()).isEqualTo("limit");
        assertThat(api.get("/api/v1/admin/feedback?state=sleeping", OPERATOR).at("/errors/0/field").asString())
                .isEqualTo("state");
        assertThat(api.get("/api/v1/admin/feedback?cursor=garbage", OPERATOR).at("/errors/0/field").asString())
                .isEqualTo("cursor");
        assertThat(api.get("/api/v1/admin/feedback?limit=ten", OPERATOR).at("/errors/0/field").asString())
                .isEqualTo("limit");

        assertThat(eventCount()).as("rejected input records nothing").isEqualTo(afterOneSubmission);
        assertThat(afterOneSubmission).isGreaterThan(eventsBefore);
    }

    @Test
    void unknownItemsAre404() {
        Api api = api();
        assertProblem(api.get("/api/v1/admin/feedback/fb-00000000-0000-0000-0000-000000000000", OPERATOR), 404);
        assertProblem(api.post("/api/v1/admin/feedback/fb-00000000-0000-0000-0000-000000000000/triage", OPERATOR,
                Map.of()), 404);
        assertProblem(api.get("/api/v1/admin/feedback-groups/grp-nothing", OPERATOR), 404);
        assertProblem(api.get("/api/v1/admin/nothing-here", OPERATOR), 404);
    }

    @Test
    void rejectedTransitionsAndReusedIdsAre409WithTheReason() {
        Api api = api();
        String id = submit(api);
        Api.Response start = api.post("/api/v1/admin/feedback/" + id + "/start", OPERATOR, Map.of());
        assertProblem(start, 409);
        assertThat(start.at("/detail").asString())
                .isEqualTo("illegal transition from open to in_progress: work starts on triaged feedback only");

        String submissionId = "sub-" + UUID.randomUUID();
        assertThat(api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission(submissionId, "first text")).status()).isEqualTo(201);
        Api.Response reused = api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission(submissionId, "other text"));
        assertProblem(reused, 409);
        assertThat(reused.at("/detail").asString()).contains(submissionId);
    }

    @Test
    void anOversizedBodyIs413() {
        Api api = api();
        long before = eventCount();
        Api.Response tooLarge = api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), "x".repeat(200_000)));
        assertProblem(tooLarge, 413);

        // Without a Content-Length (chunked), the limit applies while the body is read.
        byte[] chunked = Api.JSON.writeValueAsBytes(
                FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), "y".repeat(200_000)));
        Api.Response tooLargeChunked = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/ingest/feedback")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked))),
                null, SERVICE_KEY);
        assertProblem(tooLargeChunked, 413);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void resubmittingTheSameFeedbackReturnsItAndAddsNoEvent() {
        Api api = api();
        Map<String, Object> submission = FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(),
                "The billing page shows the wrong currency for EU workspaces");
        Api.Response first = api.ingest("/api/v1/ingest/feedback", submission);
        assertThat(first.status()).isEqualTo(201);
        long events = eventCount();
        Api.Response again = api.ingest("/api/v1/ingest/feedback", submission);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.at("/created").asBoolean()).isFalse();
        assertThat(again.at("/feedbackId").asString()).isEqualTo(first.at("/feedbackId").asString());
        assertThat(again.at("/groupId").asString()).isEqualTo(first.at("/groupId").asString());
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aReadWaitsForItsPositionOnlySoLongThenSaysSo() {
        Api api = api();
        api.awaitServing("feedback-queue-v2");
        StreamingEventProcessor queue = processing.eventProcessor("feedback-queue-v2", StreamingEventProcessor.class)
                .orElseThrow();
        queue.shutDown();
        try {
            Api.Response submitted = api.ingest("/api/v1/ingest/feedback",
                    FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), "Dark mode please"));
            Api.Response behind = api.get("/api/v1/admin/feedback/" + submitted.at("/feedbackId").asString()
                    + "?minPosition=" + submitted.at("/position").asLong(), OPERATOR);
            assertProblem(behind, 503);
            assertThat(behind.at("/detail").asString()).contains("feedback-queue-v2");
        } finally {
            queue.start();
        }
        Api.Response beyond = api.get("/api/v1/admin/feedback?minPosition=999999999", OPERATOR);
        assertProblem(beyond, 400);
        assertThat(beyond.at("/errors/0/field").asString()).isEqualTo("minPosition");
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
