package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate's state as of a point of its history equals what the read model showed at that point: a scripted
 * history, the live row recorded after each step, then each step asked for again by position (and by time).
 */
class AuditStateTest extends IntegrationTest {

    private static final String AUDITOR = Api.token("audrey", "auditor");
    private static final String OPERATOR = Api.token("olivia", "operator");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFeedbackItemAsOfEachStepIsTheRowTheQueueShowedThen() {
        Api api = api();
        Api.Response submitted = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                "as-of-" + UUID.randomUUID(), "As of test " + UUID.randomUUID()));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String id = submitted.at("/feedbackId").asString();
        List<Long> positions = new ArrayList<>(List.of(submitted.at("/position").asLong()));
        List<String> times = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>(List.of(liveRow(api, id, positions.get(0))));
        times.add(Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        for (String step : List.of("triage", "start", "complete")) {
            Api.pause(Duration.ofMillis(5));
            Api.Response moved = api.post("/api/v1/admin/feedback/" + id + "/" + step, OPERATOR,
                    Map.of("reason", "as-of " + step));
            assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
            positions.add(moved.at("/position").asLong());
            rows.add(liveRow(api, id, moved.at("/position").asLong()));
            times.add(Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
            Api.pause(Duration.ofMillis(5));
        }
        for (int step = 0; step < positions.size(); step++) {
            JsonNode byPosition = asOf("feedback", id, String.valueOf(positions.get(step)), positions.get(3));
            assertThat(byPosition.get("eventsFolded").asInt()).isEqualTo(step + 1);
            // A command's answer names the position of its last event, which may be another aggregate's.
            assertThat(byPosition.get("position").asLong()).isLessThanOrEqualTo(positions.get(step))
                    .isGreaterThan(step == 0 ? 0 : positions.get(step - 1));
            assertThat(comparable(byPosition.at("/state/read_model.feedback_v2/0"))).as("step " + step)
                    .isEqualTo(comparable(rows.get(step)));
            assertThat(byPosition.at("/events/items").size()).isEqualTo(step + 1);
            assertThat(byPosition.at("/events/items/" + step + "/position").asLong())
                    .isEqualTo(byPosition.get("position").asLong());

            JsonNode byTime = asOf("feedback", id, times.get(step), positions.get(3));
            assertThat(byTime.get("position").asLong()).isEqualTo(byPosition.get("position").asLong());
            assertThat(byTime.at("/state")).isEqualTo(byPosition.at("/state"));
        }
        JsonNode now = asOf("feedback", id, null, positions.get(3));
        assertThat(now.at("/state/read_model.feedback_v2/0/state").asString()).isEqualTo("done");
    }

    @Test
    void aSpendRequestAsOfItsRequestIsRequestedAndAfterItsApprovalApproved() {
        Api api = api();
        Api.Response opened = api.ingest("/api/v1/ingest/agent-wallet/wallets",
                AgentWalletTest.wallet("agent-" + UUID.randomUUID()));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String walletId = opened.at("/walletId").asString();
        Api.Response requested = api.ingest("/api/v1/ingest/agent-wallet/wallets/" + walletId + "/spend-requests",
                AgentWalletTest.spend("req-" + UUID.randomUUID(), 5_000,
                        Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        String spendRequestId = requested.at("/spendRequestId").asString();
        Api.Response approved = api.post("/api/v1/admin/agent-wallet/wallets/" + walletId + "/spend-requests/"
                + spendRequestId + "/approve", OPERATOR, Map.of("reason", "budgeted"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        long head = approved.at("/position").asLong();

        JsonNode before = asOf("spend-request", spendRequestId, String.valueOf(requested.at("/position").asLong()),
                head);
        assertThat(before.get("aggregateId").asString()).isEqualTo(walletId);
        assertThat(before.at("/state/read_model.spend_request_v1/0/status").asString()).isEqualTo("requested");
        JsonNode after = asOf("spend-request", spendRequestId, String.valueOf(head), head);
        assertThat(after.at("/state/read_model.spend_request_v1/0/status").asString()).isEqualTo("approved");
        JsonNode wallet = asOf("wallet", walletId, String.valueOf(opened.at("/position").asLong()), head);
        assertThat(wallet.at("/state/read_model.wallet_v1/0/wallet_id").asString()).isEqualTo(walletId);
        assertThat(wallet.at("/state/read_model.wallet_policy_v1").size()).isEqualTo(1);
    }

    @Test
    void beforeItExistedOrOfAnUnknownKindThereIsNoState() {
        Api api = api();
        Api.Response submitted = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                "as-of-" + UUID.randomUUID(), "Not yet " + UUID.randomUUID()));
        String id = submitted.at("/feedbackId").asString();
        long position = submitted.at("/position").asLong();
        assertThat(api.get("/api/v1/admin/audit/feedback/" + id + "?minPosition=" + position, AUDITOR).status())
                .isEqualTo(200);
        long created = api.get("/api/v1/admin/audit/events?aggregateId=" + id, AUDITOR).at("/items/0/position")
                .asLong();
        Api.Response before = api.get("/api/v1/admin/audit/feedback/" + id + "?asOf=" + (created - 1), AUDITOR);
        assertThat(before.status()).as(before.raw()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/audit/feedback/" + id + "?asOf=2000-01-01T00:00:00Z", AUDITOR).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/admin/audit/planets/" + id, AUDITOR).status()).isEqualTo(404);
        Api.Response badTime = api.get("/api/v1/admin/audit/feedback/" + id + "?asOf=yesterday", AUDITOR);
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.raw()).contains("asOf");
        assertThat(api.get("/api/v1/admin/audit/feedback/" + id, Api.token("olivia", "operator")).status())
                .isEqualTo(403);
    }

    private Map<String, Object> liveRow(Api api, String id, long position) {
        assertThat(api.get("/api/v1/admin/feedback/" + id + "?minPosition=" + position, OPERATOR).status())
                .isEqualTo(200);
        return jdbc.sql("SELECT * FROM read_model.feedback_v2 WHERE feedback_id = :id").param("id", id).query()
                .singleRow();
    }

    private JsonNode asOf(String kind, String id, String asOf, long minPosition) {
        Api.Response answer = api().get("/api/v1/admin/audit/" + kind + "/" + id + "?minPosition=" + minPosition
                + (asOf == null ? "" : "&asOf=" + asOf), AUDITOR);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.json();
    }

    /** A row of the answer as text per column. */
    private static Map<String, String> comparable(JsonNode row) {
        Map<String, String> values = new HashMap<>();
        row.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().isNull() ? null
                : entry.getValue().isValueNode() ? entry.getValue().asString() : entry.getValue().toString()));
        return values;
    }

    /** A JDBC row as the answer writes it: times as ISO-8601 instants, arrays as JSON, null columns left out. */
    private static Map<String, String> comparable(Map<String, Object> row) {
        Map<String, String> values = new HashMap<>();
        row.forEach((column, value) -> {
            if (value == null) {
                return;
            }
            try {
                values.put(column, value instanceof java.sql.Timestamp time
                        ? time.toInstant().toString() : value instanceof java.sql.Array array
                        ? Api.JSON.writeValueAsString(List.of((Object[]) array.getArray())) : value.toString());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return values;
    }
}
