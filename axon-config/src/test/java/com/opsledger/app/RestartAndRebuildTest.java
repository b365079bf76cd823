package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models are a function of the event history: a restarted service sees the same rows and carries on, and a
 * projection rebuilt from the first event equals the live one row for row.
 */
class RestartAndRebuildTest {

    private static final String OPERATOR = Api.token("rita", "operator");
    private static final String ADMIN = Api.token("root", "admin");
    private static final List<String> PROJECTIONS = List.of("feedback-queue-v1", "feedback-queue-v2",
            "feedback-groups-v1", "notifications-v1", "wallets-v1", "spend-requests-v1", "cards-v1",
            "authorizations-v2", "transactions-v1", "disputes-v1", "cardholders-v1", "connector-events-v1",
            "connections-v1", "connector-replays-v1", "runtime-tasks-v1", "connector-catalog-v1", "audit-events-v1");
    private static final List<String> READ_MODEL_TABLES = List.of(
            "feedback_v1 ORDER BY feedback_id", "feedback_v2 ORDER BY feedback_id",
            "feedback_timeline_v1 ORDER BY event_id",
            "feedback_group_v1 ORDER BY group_id", "notification_v1 ORDER BY notification_id",
            "wallet_v1 ORDER BY wallet_id", "wallet_policy_v1 ORDER BY wallet_id, sequence",
            "spend_request_v1 ORDER BY spend_request_id", "card_v1 ORDER BY card_id",
            "authorization_v2 ORDER BY authorization_id", "transaction_v1 ORDER BY transaction_id",
            "connection_v1 ORDER BY connection_id", "connector_delivery_v1 ORDER BY delivery_id",
            "connector_attempt_v1 ORDER BY delivery_id, attempt", "audit_event_v1 ORDER BY position",
            "audit_aggregate_v1 ORDER BY aggregate_id");

    private final TestDatabase.Connection database = TestDatabase.freshDatabase();

    @Test
    void aRestartSeesTheSameReadModelsAndARebuildReproducesThemRowForRow() {
        List<List<Map<String, Object>>> beforeRestart;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(TestService.port(first));
            long position = makeHistory(api);
            awaitAll(api, position);
            beforeRestart = snapshot(first);
        }
        assertThat(beforeRestart.get(0)).hasSize(4);

        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(TestService.port(second));
            assertThat(snapshot(second)).isEqualTo(beforeRestart);

            Api.Response later = api.ingest("/api/v1/ingest/feedback",
                    FeedbackWorkflowTest.submission("after-restart", "Still works after a restart?"));
            assertThat(api.get("/api/v1/admin/feedback/" + later.at("/feedbackId").asString() + "?minPosition="
                    + later.at("/position").asLong(), OPERATOR).at("/item/message").asString())
                    .isEqualTo("Still works after a restart?");
            long head = later.at("/position").asLong();
            awaitAll(api, head);
            List<List<Map<String, Object>>> live = snapshot(second);

            // Damage every read model; only a replay of the history can restore them.
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            jdbc.sql("UPDATE read_model.feedback_v1 SET state = 'damaged', message = 'damaged'").update();
            jdbc.sql("UPDATE read_model.feedback_v2 SET triage_seconds = -1").update();
            jdbc.sql("DELETE FROM read_model.feedback_timeline_v1 WHERE sequence_number > 0").update();
            jdbc.sql("UPDATE read_model.feedback_group_v1 SET member_count = 0").update();
            jdbc.sql("DELETE FROM read_model.notification_v1").update();
            jdbc.sql("UPDATE read_model.wallet_v1 SET currency = 'xxx'").update();
            jdbc.sql("DELETE FROM read_model.wallet_policy_v1").update();
            jdbc.sql("UPDATE read_model.spend_request_v1 SET status = 'damaged', approvals = '[]'").update();
            jdbc.sql("DELETE FROM read_model.card_v1").update();
            jdbc.sql("UPDATE read_model.authorization_v2 SET held_amount = -1").update();
            jdbc.sql("DELETE FROM read_model.transaction_v1").update();
            jdbc.sql("UPDATE read_model.audit_event_v1 SET actor = 'damaged'").update();
            jdbc.sql("DELETE FROM read_model.audit_aggregate_v1").update();
            assertThat(snapshot(second)).isNotEqualTo(live);

            for (String projection : PROJECTIONS) {
                Api.Response rebuild = api.post("/api/v1/admin/projections/" + projection + "/rebuild", ADMIN,
                        Map.of());
                assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
            }
            for (String projection : PROJECTIONS) {
                assertThat(api.awaitRebuilt(projection)).as(projection).isEqualTo(2);
            }
            awaitAll(api, head);
            assertThat(snapshot(second)).isEqualTo(live);
            assertThat(api.get("/api/v1/admin/projections", ADMIN).json().valueStream()
                    .map(p -> p.get("name").asString()))
                    .containsExactlyElementsOf(PROJECTIONS.stream().sorted().toList());
            assertThat(api.post("/api/v1/admin/projections/feedback-group-decisions/rebuild", ADMIN, Map.of())
                    .status()).as("the decisions' fan-out is no projection: replaying it would act again")
                    .isEqualTo(404);
        }
    }

    /** Feedback in several states, a group decision, notifications acknowledged and not. */
    private static long makeHistory(Api api) {
        String marker = UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String first = null;
        for (int i = 0; i < 3; i++) {
            Api.Response r = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                    "history-" + i, "' OR 1=1 -- " + marker + " " + i));
            first = first == null ? r.at("/feedbackId").asString() : first;
        }
        Api.Response other = api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission("history-other", "Please add keyboard shortcuts to the queue"));
        String otherId = other.at("/feedbackId").asString();
        for (String step : List.of("triage", "start", "complete")) {
            api.post("/api/v1/admin/feedback/" + otherId + "/" + step, OPERATOR, Map.of("reason", step));
        }
        api.post("/api/v1/admin/feedback/" + otherId + "/assign", OPERATOR, Map.of("assignee", "rita"));
        Api.Response decided = api.post("/api/v1/admin/feedback-groups/" + other.at("/groupId").asString()
                + "/triage", OPERATOR, Map.of("decision", "triage"));
        api.post("/api/v1/admin/feedback/" + first + "/triage", OPERATOR, Map.of());
        Api.Response n1 = api.ingest("/api/v1/ingest/notifications", Map.of("id", "n-1", "kind", "schedule_failed",
                "source", "scheduler", "severity", "error", "summary", "export failed",
                "occurredAt", "2026-11-24T01:00:00Z"));
        api.ingest("/api/v1/ingest/notifications", Map.of("id", "n-2", "kind", "usage_event", "source", "billing",
                "severity", "info", "summary", "quota at 80%", "occurredAt", "2026-11-24T02:00:00Z"));
        Api.Response ack = api.post("/api/v1/admin/notifications/acknowledge", OPERATOR,
                Map.of("notificationIds", List.of(n1.at("/notificationId").asString())));
        String walletId = api.ingest("/api/v1/ingest/agent-wallet/wallets", AgentWalletTest.wallet("agent-h"))
                .at("/walletId").asString();
        String spendRequests = "/api/v1/ingest/agent-wallet/wallets/" + walletId + "/spend-requests";
        Instant expires = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String big = api.ingest(spendRequests, AgentWalletTest.spend("h-1", 30_000, expires))
                .at("/spendRequestId").asString();
        String small = api.ingest(spendRequests, AgentWalletTest.spend("h-2", 3_000, expires))
                .at("/spendRequestId").asString();
        String decide = "/api/v1/admin/agent-wallet/wallets/" + walletId + "/spend-requests/";
        api.post(decide + big + "/approve", OPERATOR, Map.of());
        api.post(decide + big + "/approve", Api.token("second-operator", "operator"), Map.of());
        api.post(decide + small + "/reject", OPERATOR, Map.of("reason", "not needed"));
        Map<String, Object> policy = AgentWalletTest.policy();
        policy.put("dailyLimit", 90_000);
        api.post("/api/v1/admin/agent-wallet/wallets/" + walletId + "/policy", OPERATOR,
                Map.of("policy", policy, "reason", "tighter"));
        String card = "ic_history";
        String cardEvent = StripeFixtures.event("issuing_card.created", StripeFixtures.card(card, walletId, "active"));
        api.webhook("/webhooks/stripe", cardEvent, "Stripe-Signature", StripeFixtures.signature(cardEvent));
        for (String id : List.of("iauth_history_1", "iauth_history_2")) {
            String request = StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(id,
                    StripeFixtures.card(card, walletId, "active"), 25_000, "OpenAI", "misc"));
            api.webhook("/webhooks/stripe", request, "Stripe-Signature", StripeFixtures.signature(request));
        }
        String capture = StripeFixtures.event("issuing_transaction.created", StripeFixtures.object(
                "issuing.transaction").put("card", card).put("authorization", "iauth_history_1"));
        api.webhook("/webhooks/stripe", capture, "Stripe-Signature", StripeFixtures.signature(capture));
        connectorHistory(api);
        assertThat(decided.status()).isEqualTo(202);
        GroupDecisionFanOutTest.awaitProgress(api, other.at("/groupId").asString(), decided.at("/position").asLong(),
                progress -> progress.at("/finished").asBoolean());
        return api.head();
    }

    /** A delivery that failed once and then delivered, a duplicate of it, and a refused webhook. */
    private static void connectorHistory(Api api) {
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(n == 1 ? 500 : 200))) {
            ConnectorDeliveryTest.Registered connection = ConnectorDeliveryTest.register(api, worker.url(),
                    List.of("PT0S", "PT1S"), "PT5S");
            String body = "{\"type\":\"push\"}";
            ConnectorDeliveryTest.send(api, connection, "msg_history", body, connection.inboundSecret(),
                    Instant.now());
            ConnectorDeliveryTest.send(api, connection, "msg_history", body, connection.inboundSecret(),
                    Instant.now());
            ConnectorDeliveryTest.send(api, connection, "msg_forged", body, connection.signingSecret(),
                    Instant.now());
            worker.await(2, Duration.ofSeconds(30));
        }
    }

    private static void awaitAll(Api api, long position) {
        assertThat(api.get("/api/v1/admin/feedback?minPosition=" + position, OPERATOR).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/notifications?minPosition=" + position, OPERATOR).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/agent-wallet?minPosition=" + position, OPERATOR).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/connector-events?minPosition=" + position, OPERATOR).status())
                .isEqualTo(200);
    }

    private static List<List<Map<String, Object>>> snapshot(ConfigurableApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        return READ_MODEL_TABLES.stream()
                .map(table -> jdbc.sql("SELECT * FROM read_model." + table).query().listOfRows().stream()
                        .map(row -> {
                            Map<String, Object> comparable = new HashMap<>();
                            row.forEach((column, value) -> comparable.put(column, String.valueOf(value)));
                            return comparable;
                        }).toList())
                .toList();
    }

    private ConfigurableApplicationContext start() {
        return TestService.start(TestService.settings(database));
    }
}
