package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack payloads are data: stored byte for byte, returned JSON-escaped, and no other row is touched (every SQL
 * statement binds its values).
 */
class HostilePayloadTest extends IntegrationTest {

    private static final String AUDITOR = Api.token("ava", "auditor");
    private static final List<String> PAYLOADS = List.of(
            "<script>alert(document.cookie)</script>",
            "\"><img src=x onerror=alert(1)>",
            "'; DROP TABLE read_model.feedback_v1; --",
            "' OR '1'='1' --",
            "1; UPDATE read_model.feedback_v1 SET state = 'done'; --",
            "../../../../etc/passwd",
            "{{7*7}} ${7*7} <%= 7*7 %>",
            "$(cat /etc/passwd) `id` | whoami",
            "\\u0000 %00 \u2028 \uD83D\uDCA5 ünïcödé ∑ \t tab \r\n crlf",
            "{\"json\": \"inside\", \"quote\": \"\\\"\"}");

    @Autowired
    JdbcClient jdbc;

    @Test
    void payloadsAreStoredAndReturnedUnchangedAndTouchNothingElse() {
        Api api = api();
        api.awaitServing("feedback-queue-v2");
        Api.Response sentinel = api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission("sentinel-" + UUID.randomUUID(), "A plain, harmless sentinel"));
        String sentinelId = sentinel.at("/feedbackId").asString();
        JsonNode sentinelBefore = api.get("/api/v1/admin/feedback/" + sentinelId + "?minPosition="
                + sentinel.at("/position").asLong(), AUDITOR).at("/item");
        long rowsBefore = jdbc.sql("SELECT count(*) FROM read_model.feedback_v2").query(Long.class).single();

        long position = 0;
        for (String payload : PAYLOADS) {
            Map<String, Object> submission = Map.of("submissionId", "hostile-" + UUID.randomUUID(),
                    "orgId", "org-' OR 1=1 --", "workspaceId", "ws-1", "userId", "<b>user</b>",
                    "channel", "web", "message", payload, "page", "/p?q=" + payload,
                    "context", Map.of("note", payload));
            Api.Response r = api.ingest("/api/v1/ingest/feedback", submission);
            assertThat(r.status()).as(payload).isEqualTo(201);
            position = Math.max(position, r.at("/position").asLong());

            JsonNode item = api.get("/api/v1/admin/feedback/" + r.at("/feedbackId").asString() + "?minPosition="
                    + r.at("/position").asLong(), AUDITOR).at("/item");
            assertThat(item.get("message").asString()).isEqualTo(payload);
            assertThat(item.get("page").asString()).isEqualTo("/p?q=" + payload);
            assertThat(item.at("/context/note").asString()).isEqualTo(payload);
            assertThat(item.get("orgId").asString()).isEqualTo("org-' OR 1=1 --");
            assertThat(item.get("userId").asString()).isEqualTo("<b>user</b>");
            String stored = jdbc.sql("SELECT message FROM read_model.feedback_v2 WHERE feedback_id = :id")
                    .param("id", r.at("/feedbackId").asString()).query(String.class).single();
            assertThat(stored).isEqualTo(payload);
        }

        JsonNode search = api.get("/api/v1/admin/feedback?q=" + java.net.URLEncoder.encode("' OR '1'='1",
                java.nio.charset.StandardCharsets.UTF_8) + "&minPosition=" + position, AUDITOR).json();
        assertThat(search.at("/items").valueStream().map(i -> i.get("message").asString()))
                .isNotEmpty().allMatch(m -> m.contains("' OR '1'='1"));

        assertThat(jdbc.sql("SELECT count(*) FROM read_model.feedback_v2").query(Long.class).single())
                .isEqualTo(rowsBefore + PAYLOADS.size());
        assertThat(api.get("/api/v1/admin/feedback/" + sentinelId, AUDITOR).at("/item")).isEqualTo(sentinelBefore);
    }
}
