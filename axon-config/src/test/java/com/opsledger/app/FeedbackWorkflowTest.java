package com.opsledger.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Feedback end to end over HTTP: ingest, classification, the whole workflow, the queue and the timeline. */
class FeedbackWorkflowTest extends IntegrationTest {

    private static final String OPERATOR = Api.token("olivia", "operator");

    static Map<String, Object> submission(String submissionId, String message) {
        return Map.of("submissionId", submissionId, "orgId", "org-1", "workspaceId", "ws-1", "userId", "user-1",
                "channel", "web", "message", message, "page", "/settings");
    }

    @Test
    void feedbackGoesFromSubmissionThroughTheWholeWorkflowAndBack() {
        Api api = api();
        String submissionId = "sub-" + UUID.randomUUID();
        Api.Response submitted = api.ingest("/api/v1/ingest/feedback",
                submission(submissionId, "Export to CSV is broken since Monday, the download never starts"));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String id = submitted.at("/feedbackId").asString();
        assertThat(submitted.at("/classification/signal").asString()).isEqualTo("actionable");

        long position = submitted.at("/position").asLong();
        Api.Response item = api.get("/api/v1/admin/feedback/" + id + "?minPosition=" + position, OPERATOR);
        assertThat(item.status()).as(item.raw()).isEqualTo(200);
        assertThat(item.at("/item/state").asString()).isEqualTo("open");

        for (String[] step : new String[][]{{"triage", "triaged"}, {"start", "in_progress"}, {"complete", "done"},
                {"archive", "archived"}}) {
            Api.Response moved = api.post("/api/v1/admin/feedback/" + id + "/" + step[0], OPERATOR,
                    Map.of("reason", "step " + step[0]));
            assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
            Api.Response seen = api.get("/api/v1/admin/feedback/" + id + "?minPosition="
                    + moved.at("/position").asLong(), OPERATOR);
            assertThat(seen.at("/item/state").asString()).isEqualTo(step[1]);
        }

        Api.Response reopened = api.post("/api/v1/admin/feedback/" + id + "/reopen", OPERATOR,
                Map.of("reason", "regression in 2.4"));
        assertThat(reopened.status()).as(reopened.raw()).isEqualTo(200);
        JsonNode detail = api.get("/api/v1/admin/feedback/" + id + "?minPosition="
                + reopened.at("/position").asLong(), OPERATOR).json();
        assertThat(detail.at("/item/state").asString()).isEqualTo("open");
        JsonNode timeline = detail.at("/timeline");
        assertThat(timeline.size()).isEqualTo(6);
        assertThat(timeline.get(0).get("eventType").asString()).isEqualTo("FeedbackSubmitted");
        assertThat(timeline.get(0).get("actor").asString()).isEqualTo("service:platform");
        assertThat(timeline.get(5).get("eventType").asString()).isEqualTo("FeedbackReopened");
        assertThat(timeline.get(5).get("actor").asString()).isEqualTo("olivia");
        assertThat(timeline.get(5).get("reason").asString()).isEqualTo("regression in 2.4");
    }
}
