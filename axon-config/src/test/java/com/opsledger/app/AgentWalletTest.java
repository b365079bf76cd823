package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet area over HTTP: the platform opens wallets and asks for spend, operators approve (one, or two different
 * ones above the dual-control threshold), reject and change policies, and an unused request expires by itself.
 */
class AgentWalletTest extends IntegrationTest {

    private static final String ALICE = Api.token("alice", "operator");
    private static final String BOB = Api.token("bob", "operator");
    private static final String CAROL = Api.token("carol", "operator");
    private static final String AUDITOR = Api.token("audrey", "auditor");
    private static final String INGEST = "/api/v1/ingest/agent-wallet/wallets";
    private static final String ADMIN = "/api/v1/admin/agent-wallet";

    @Autowired
    private JdbcClient jdbc;

    static Map<String, Object> policy() {
        Map<String, Object> policy = new HashMap<>();
        policy.put("perAuthorizationLimit", 50_000);
        policy.put("dailyLimit", 100_000);
        policy.put("monthlyLimit", 1_000_000);
        policy.put("allowedCategories", List.of());
        policy.put("blockedCategories", List.of("gambling"));
        policy.put("approvalThreshold", 10_000);
        policy.put("dualControlThreshold", 20_000);
        return policy;
    }

    static Map<String, Object> wallet(String agentId) {
        return Map.of("agentId", agentId, "orgId", "org-acme", "workspaceId", "ws-1", "currency", "usd",
                "policy", policy());
    }

    static Map<String, Object> spend(String requestId, long amount, Instant expiresAt) {
        return Map.of("requestId", requestId, "requestedBy", "carol", "amount", amount, "currency", "usd",
                "merchantName", "OpenAI", "purpose", "API credits for the nightly run",
                "expiresAt", expiresAt.toString());
    }

    private String openWallet(Api api) {
        Api.Response opened = api.ingest(INGEST, wallet("agent-" + UUID.randomUUID()));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.at("/walletId").asString();
    }

    private static Instant inHours(int hours) {
        return Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aWalletIsOpenedOncePerAgentAndShownWithItsPolicy() {
        Api api = api();
        String agent = "agent-" + UUID.randomUUID();
        Api.Response opened = api.ingest(INGEST, wallet(agent));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String walletId = opened.at("/walletId").asString();
        assertThat(walletId).startsWith("wlt-");

        Api.Response again = api.ingest(INGEST, wallet(agent));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.at("/created").asBoolean()).isFalse();
        assertThat(again.at("/walletId").asString()).isEqualTo(walletId);

        Map<String, Object> otherCurrency = new HashMap<>(wallet(agent));
        otherCurrency.put("currency", "eur");
        Api.Response conflict = api.ingest(INGEST, otherCurrency);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.at("/detail").asString()).contains("is open already, with other details");

        JsonNode detail = api.get(ADMIN + "/wallets/" + walletId + "?minPosition=" + opened.at("/position").asLong(),
                AUDITOR).json();
        assertThat(detail.at("/wallet/agentId").asString()).isEqualTo(agent);
        assertThat(detail.at("/wallet/currency").asString()).isEqualTo("usd");
        assertThat(detail.at("/wallet/policy/dualControlThreshold").asLong()).isEqualTo(20_000);
        assertThat(detail.at("/wallet/policy/blockedCategories/0").asString()).isEqualTo("gambling");
        assertThat(detail.at("/policyHistory").size()).isEqualTo(1);
        assertThat(detail.at("/policyHistory/0/changedBy").asString()).isEqualTo("service:platform");

        JsonNode list = api.get(ADMIN + "?agentId=" + agent, AUDITOR).json();
        assertThat(list.at("/items").size()).isEqualTo(1);
        assertThat(list.at("/items/0/walletId").asString()).isEqualTo(walletId);
    }

    @Test
    void aSpendRequestWaitsFirstInTheListAndOneOperatorApprovesIt() {
        Api api = api();
        String walletId = openWallet(api);
        String requestId = "req-" + UUID.randomUUID();
        Api.Response requested = api.ingest(INGEST + "/" + walletId + "/spend-requests",
                spend(requestId, 15_000, inHours(4)));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        String spendRequestId = requested.at("/spendRequestId").asString();
        assertThat(spendRequestId).startsWith("spr-");

        Api.Response repeated = api.ingest(INGEST + "/" + walletId + "/spend-requests",
                spend(requestId, 15_000, inHours(4)));
        assertThat(repeated.status()).isIn(200, 409);
        long position = requested.at("/position").asLong();
        JsonNode wallet = api.get(ADMIN + "/wallets/" + walletId + "?minPosition=" + position, AUDITOR).json();
        assertThat(wallet.at("/wallet/pendingSpendRequests").asLong()).isEqualTo(1);
        assertThat(wallet.at("/spendRequests/items/0/status").asString()).isEqualTo("requested");
        assertThat(wallet.at("/spendRequests/items/0/approvalsRequired").asInt()).isEqualTo(1);

        Api.Response approved = api.post(ADMIN + "/wallets/" + walletId + "/spend-requests/" + spendRequestId
                + "/approve", ALICE, Map.of("reason", "nightly run is budgeted"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        JsonNode item = api.get(ADMIN + "/spend-requests/" + spendRequestId + "?minPosition="
                + approved.at("/position").asLong(), AUDITOR).json();
        assertThat(item.at("/status").asString()).isEqualTo("approved");
        assertThat(item.at("/approvals/0/operator").asString()).isEqualTo("alice");
        assertThat(item.at("/approvals/0/at").asString()).isNotBlank();

        JsonNode after = api.get(ADMIN + "/wallets/" + walletId, AUDITOR).json();
        assertThat(after.at("/wallet/pendingSpendRequests").asLong()).isZero();
    }

    @Test
    void theSameRequestIdAgainIsAnsweredAsFirstRecordedAndAnotherContentIsRefused() {
        Api api = api();
        String walletId = openWallet(api);
        Instant expires = inHours(4);
        Api.Response first = api.ingest(INGEST + "/" + walletId + "/spend-requests", spend("req-x", 15_000, expires));
        Api.Response again = api.ingest(INGEST + "/" + walletId + "/spend-requests", spend("req-x", 15_000, expires));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.at("/created").asBoolean()).isFalse();
        assertThat(again.at("/spendRequestId").asString()).isEqualTo(first.at("/spendRequestId").asString());
        Api.Response other = api.ingest(INGEST + "/" + walletId + "/spend-requests", spend("req-x", 16_000, expires));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.at("/detail").asString()).isEqualTo(
                "spend request id 'req-x' was already used for a different request");
    }

    @Test
    void aboveTheDualControlThresholdTwoDifferentOperatorsApproveAndTheRequesterNever() {
        Api api = api();
        String walletId = openWallet(api);
        String spendRequestId = api.ingest(INGEST + "/" + walletId + "/spend-requests",
                spend("req-big", 30_000, inHours(4))).at("/spendRequestId").asString();
        String approve = ADMIN + "/wallets/" + walletId + "/spend-requests/" + spendRequestId + "/approve";

        Api.Response byRequester = api.post(approve, CAROL, Map.of());
        assertThat(byRequester.status()).isEqualTo(409);
        assertThat(byRequester.contentType()).startsWith("application/problem+json");
        assertThat(byRequester.at("/detail").asString()).isEqualTo(
                "the approver is the requester: carol asked for this spend and cannot approve it");

        assertThat(api.post(approve, ALICE, Map.of()).status()).isEqualTo(200);
        Api.Response twice = api.post(approve, ALICE, Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.at("/detail").asString()).contains("a second, different operator must approve it");

        Api.Response second = api.post(approve, BOB, Map.of());
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        JsonNode item = api.get(ADMIN + "/spend-requests/" + spendRequestId + "?minPosition="
                + second.at("/position").asLong(), AUDITOR).json();
        assertThat(item.at("/status").asString()).isEqualTo("approved");
        assertThat(item.at("/approvalsRequired").asInt()).isEqualTo(2);
        assertThat(item.at("/approvals").valueStream().map(a -> a.get("operator").asString()))
                .containsExactly("alice", "bob");
    }

    @Test
    void aRejectionNeedsAReasonAndAnAuditorCannotDecide() {
        Api api = api();
        String walletId = openWallet(api);
        String spendRequestId = api.ingest(INGEST + "/" + walletId + "/spend-requests",
                spend("req-r", 5_000, inHours(4))).at("/spendRequestId").asString();
        String base = ADMIN + "/wallets/" + walletId + "/spend-requests/" + spendRequestId;

        assertThat(api.post(base + "/approve", AUDITOR, Map.of()).status()).isEqualTo(403);
        closesWithAReason(api, base + "/reject", spendRequestId, "rejected", "alice", ALICE);

        Api.Response approveRejected = api.post(base + "/approve", BOB, Map.of());
        assertThat(approveRejected.status()).isEqualTo(409);
        assertThat(approveRejected.at("/detail").asString()).isEqualTo(
                "spend request " + spendRequestId + " is rejected; only a requested one can be approved");
    }

    @Test
    void thePlatformCancelsARequestAndACancelRepeatedChangesNothing() {
        Api api = api();
        String walletId = openWallet(api);
        String spendRequestId = api.ingest(INGEST + "/" + walletId + "/spend-requests",
                spend("req-c", 5_000, inHours(4))).at("/spendRequestId").asString();
        String cancel = INGEST + "/" + walletId + "/spend-requests/" + spendRequestId + "/cancel";
        Api.Response canceled = api.ingest(cancel, Map.of());
        assertThat(canceled.status()).as(canceled.raw()).isEqualTo(200);
        assertThat(canceled.at("/canceled").asBoolean()).isTrue();
        Api.Response again = api.ingest(cancel, Map.of());
        assertThat(again.at("/canceled").asBoolean()).isFalse();
        JsonNode item = api.get(ADMIN + "/spend-requests/" + spendRequestId + "?minPosition="
                + canceled.at("/position").asLong(), AUDITOR).json();
        assertThat(item.at("/status").asString()).isEqualTo("canceled");
        assertThat(item.at("/closedBy").asString()).isEqualTo("service:platform");
    }

    @Test
    void anOperatorCancelsAnApprovedRequestWithAReasonAndAnAuditorCannot() {
        Api api = api();
        String walletId = openWallet(api);
        String spendRequestId = api.ingest(INGEST + "/" + walletId + "/spend-requests",
                spend("req-oc", 5_000, inHours(4))).at("/spendRequestId").asString();
        String base = ADMIN + "/wallets/" + walletId + "/spend-requests/" + spendRequestId;
        assertThat(api.post(base + "/approve", ALICE, Map.of()).status()).isEqualTo(200);

        assertThat(api.post(base + "/cancel", AUDITOR, Map.of("reason", "x")).status()).isEqualTo(403);
        long head = api.head();
        Api.Response tooLong = api.post(base + "/cancel", BOB, Map.of("reason", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(api.post(ADMIN + "/wallets/fbk-" + walletId.substring(4) + "/spend-requests/" + spendRequestId
                + "/cancel", BOB, Map.of("reason", "x")).status()).as("an id of another kind").isEqualTo(404);
        assertThat(api.post(ADMIN + "/wallets/" + walletId + "/spend-requests/spr-nope/cancel", BOB,
                Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(api.head()).as("nothing recorded").isEqualTo(head);
        closesWithAReason(api, base + "/cancel", spendRequestId, "canceled", "bob", BOB);
    }

    /** An operator's close needs a reason (a 400 naming it), and the request shows after it who closed it and why. */
    private static void closesWithAReason(Api api, String url, String spendRequestId, String status, String operator,
                                          String token) {
        Api.Response noReason = api.post(url, token, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.at("/errors/0/field").asString()).isEqualTo("reason");
        Api.Response closed = api.post(url, token, Map.of("reason", "not in this quarter's plan"));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        JsonNode item = api.get(ADMIN + "/spend-requests/" + spendRequestId + "?minPosition="
                + closed.at("/position").asLong(), AUDITOR).json();
        assertThat(item.at("/status").asString()).isEqualTo(status);
        assertThat(item.at("/closedBy").asString()).isEqualTo(operator);
        assertThat(item.at("/closeReason").asString()).isEqualTo("not in this quarter's plan");
    }

    @Test
    void anOperatorChangesThePolicyWithAReasonAndTheHistoryKeepsBoth() {
        Api api = api();
        String walletId = openWallet(api);
        Map<String, Object> tighter = policy();
        tighter.put("perAuthorizationLimit", 20_000);
        Api.Response noReason = api.post(ADMIN + "/wallets/" + walletId + "/policy", ALICE,
                Map.of("policy", tighter));
        assertThat(noReason.status()).isEqualTo(400);
        Api.Response changed = api.post(ADMIN + "/wallets/" + walletId + "/policy", ALICE,
                Map.of("policy", tighter, "reason", "agent overspent last week"));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        JsonNode detail = api.get(ADMIN + "/wallets/" + walletId + "?minPosition=" + changed.at("/position").asLong(),
                AUDITOR).json();
        assertThat(detail.at("/wallet/policy/perAuthorizationLimit").asLong()).isEqualTo(20_000);
        assertThat(detail.at("/policyHistory").size()).isEqualTo(2);
        assertThat(detail.at("/policyHistory/0/changedBy").asString()).isEqualTo("alice");
        assertThat(detail.at("/policyHistory/0/reason").asString()).isEqualTo("agent overspent last week");
        assertThat(detail.at("/policyHistory/1/policy/perAuthorizationLimit").asLong()).isEqualTo(50_000);

        Api.Response overNewLimit = api.ingest(INGEST + "/" + walletId + "/spend-requests",
                spend("req-over", 30_000, inHours(4)));
        assertThat(overNewLimit.status()).isEqualTo(409);
        assertThat(overNewLimit.at("/detail").asString()).isEqualTo(
                "amount 30000 is over the wallet's per-authorization limit of 20000 by 10000");
    }

    @Test
    void anUnusedRequestExpiresByItselfAsTheWalletsOwnAct() {
        Api api = api();
        String walletId = openWallet(api);
        Instant expires = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        String spendRequestId = api.ingest(INGEST + "/" + walletId + "/spend-requests",
                spend("req-e", 5_000, expires)).at("/spendRequestId").asString();
        String deadline = jdbc.sql("SELECT convert_from(task_data, 'UTF8') FROM scheduled_tasks"
                        + " WHERE convert_from(task_data, 'UTF8') LIKE :id")
                .param("id", "%" + spendRequestId + "%").query(String.class).single();
        assertThat(Api.JSON.readTree(deadline).get("deadlineName").asString())
                .as("the deadline is stored as JSON text").isEqualTo("spend-request-expiry");

        JsonNode item = awaitStatus(api, spendRequestId, "expired", Duration.ofSeconds(30));
        assertThat(item.at("/closedBy").asString()).isEqualTo("system:wallet");
        assertThat(Instant.parse(item.at("/closedAt").asString())).isAfterOrEqualTo(expires);
    }

    @Test
    void badInputIsRefusedAtTheDoorAndRecordsNothing() {
        Api api = api();
        String walletId = openWallet(api);
        long head = api.head();
        String path = INGEST + "/" + walletId + "/spend-requests";
        Map<String, String> bodies = Map.of(
                "amount", body("\"amount\": 0"),
                "amount ", body("\"amount\": \"15000\""),
                "amount  ", body("\"amount\": 150.00"),
                "amount   ", body("\"amount\": 1e4"),
                "amount    ", body("\"amount\": 99999999999999999999999"),
                "currency", body("\"currency\": \"USD\""),
                "expiresAt", body("\"expiresAt\": 1893456000"),
                "merchantName", "{\"requestId\": \"r\", \"requestedBy\": \"carol\", \"amount\": 1, \"currency\": "
                        + "\"usd\", \"purpose\": \"p\", \"expiresAt\": \"" + inHours(1) + "\"}");
        bodies.forEach((field, body) -> {
            Api.Response refused = api.ingest(path, body);
            assertThat(refused.status()).as(field + ": " + refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.at("/errors/0/field").asString()).isEqualTo(field.trim());
        });
        Map<String, Object> badPolicy = new HashMap<>(wallet("agent-" + UUID.randomUUID()));
        Map<String, Object> policy = policy();
        policy.put("allowedCategories", List.of("gambling"));
        badPolicy.put("policy", policy);
        Api.Response bothLists = api.ingest(INGEST, badPolicy);
        assertThat(bothLists.status()).isEqualTo(400);
        assertThat(bothLists.at("/detail").asString()).contains("gambling is also among the allowed categories");
        Api.Response unknownWallet = api.ingest(INGEST + "/wlt-00000000-0000-0000-0000-000000000000/spend-requests",
                spend("req-1", 1_000, inHours(1)));
        assertThat(unknownWallet.status()).isEqualTo(404);
        Api.Response notAWallet = api.post(ADMIN + "/wallets/fb-1/policy", ALICE,
                Map.of("policy", policy(), "reason", "x"));
        assertThat(notAWallet.status()).isEqualTo(404);
        assertThat(api.head()).as("nothing was recorded").isEqualTo(head);
    }

    /** A spend request body with one field replaced by {@code field} (raw JSON). */
    private static String body(String field) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("requestId", "\"req-bad\"");
        fields.put("requestedBy", "\"carol\"");
        fields.put("amount", "1000");
        fields.put("currency", "\"usd\"");
        fields.put("merchantName", "\"OpenAI\"");
        fields.put("purpose", "\"credits\"");
        fields.put("expiresAt", "\"" + inHours(1) + "\"");
        String name = field.substring(1, field.indexOf('"', 1));
        fields.put(name, field.substring(field.indexOf(':') + 1).trim());
        return "{" + String.join(", ", fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).toList()) + "}";
    }

    static JsonNode awaitStatus(Api api, String spendRequestId, String status, Duration within) {
        Instant until = Instant.now().plus(within);
        while (true) {
            JsonNode item = api.get(ADMIN + "/spend-requests/" + spendRequestId, AUDITOR).json();
            if (status.equals(item.at("/status").asString()) || Instant.now().isAfter(until)) {
                assertThat(item.at("/status").asString()).as(item.toString()).isEqualTo(status);
                return item;
            }
            Api.pause(Duration.ofMillis(200));
        }
    }
}
