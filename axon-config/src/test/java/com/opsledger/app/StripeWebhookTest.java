package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe's webhooks over real HTTP with Stripe's own example objects, signed as Stripe signs them: verification,
 * cards, real-time authorization decisions, repeats, out-of-order reports and concurrent requests on one budget.
 */
class StripeWebhookTest extends IntegrationTest {

    private static final String WEBHOOK = "/webhooks/stripe";
    private static final String HEADER = "Stripe-Signature";
    private static final String READER = Api.token("rhea", "auditor");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DataSource dataSource;

    private Api.Response post(String payload) {
        return StripeFixtures.post(api(), payload);
    }

    private String walletWithCard(String cardId) {
        return StripeFixtures.walletWithCard(api(), cardId);
    }

    private long events(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    private static String cardId() {
        return StripeFixtures.id("ic");
    }

    private static String authorizationId() {
        return StripeFixtures.id("iauth");
    }

    @Test
    void aWebhookThatDoesNotVerifyIsRefusedAndRecordsNothing() {
        Api api = api();
        long head = api.head();
        String payload = StripeFixtures.event("issuing_card.created",
                StripeFixtures.card(cardId(), "wlt-x", "active"));
        Instant now = Instant.now();
        List<Api.Response> refused = List.of(
                api.webhook(WEBHOOK, payload, HEADER, null),
                api.webhook(WEBHOOK, payload, HEADER, StripeFixtures.signature(payload, "whsec_other", now)),
                api.webhook(WEBHOOK, payload, HEADER, StripeFixtures.signature(payload,
                        IntegrationTest.STRIPE_WEBHOOK_SECRET, now.minusSeconds(301))),
                api.webhook(WEBHOOK, payload + " ", HEADER, StripeFixtures.signature(payload)),
                api.webhook(WEBHOOK, "{not json", HEADER, StripeFixtures.signature("{not json")));
        for (Api.Response response : refused) {
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(refused.get(2).at("/errors/0/message").asString()).contains("tolerance");
        ObjectNode padded = StripeFixtures.card(cardId(), "wlt-x", "active");
        padded.putObject("metadata").put("padding", "x".repeat(200 * 1024));
        String oversized = StripeFixtures.event("issuing_card.created", padded);
        Api.Response tooLarge = api.webhook(WEBHOOK, oversized, HEADER, StripeFixtures.signature(oversized));
        assertThat(tooLarge.status()).as("signed, but over the body size limit").isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(api.head()).as("nothing recorded").isEqualTo(head);
    }

    @Test
    void anAuthorizationWithinPolicyIsApprovedAndARepeatGetsTheSameAnswer() {
        String cardId = cardId();
        String walletId = walletWithCard(cardId);
        String authorizationId = authorizationId();
        String payload = StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(
                authorizationId, StripeFixtures.card(cardId, walletId, "active"), 700, "Rocket Rides",
                "taxicabs_limousines"));
        Api.Response answer = post(payload);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.at("/approved").asBoolean()).isTrue();
        String decisionId = answer.at("/metadata/opsledger_decision_id").asString();
        assertThat(decisionId).startsWith("dec-");
        long recorded = events(walletId);

        Api.Response repeat = post(payload);
        assertThat(repeat.at("/approved").asBoolean()).isTrue();
        assertThat(repeat.at("/metadata/opsledger_decision_id").asString()).isEqualTo(decisionId);
        assertThat(events(walletId)).as("a repeat records nothing").isEqualTo(recorded);
        String decided = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :id"
                        + " AND payload_type LIKE '%AuthorizationDecided'")
                .param("id", walletId).query(String.class).single();
        assertThat(Api.JSON.readTree(decided).get("reason").asString()).isEqualTo("WITHIN_POLICY");
        assertThat(Api.JSON.readTree(decided).get("merchantName").asString()).isEqualTo("Rocket Rides");

        String metrics = api().get("/actuator/prometheus", Api.token("ada", "admin")).raw();
        assertThat(metrics).contains("opsledger_stripe_authorization_decision_seconds_bucket{outcome=\"approved\"",
                "opsledger_stripe_webhook_events_total{outcome=\"approved\",type=\"issuing_authorization.request\"}",
                "opsledger_stripe_webhook_events_total{outcome=\"applied\",type=\"issuing_card.created\"}");
    }

    @Test
    void theAnswerCarriesTheEventsApiVersionAndAnOlderVersionIsReadToo() {
        String cardId = cardId();
        String walletId = walletWithCard(cardId);
        String payload = StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(
                authorizationId(), StripeFixtures.card(cardId, walletId, "active"), 900, "Rocket Rides",
                "taxicabs_limousines"), "2024-06-20", Instant.now());
        Api.Response answer = post(payload);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.at("/approved").asBoolean()).isTrue();
    }

    @Test
    void aCardNoWalletHoldsIsDeclinedAndRecorded() {
        String authorizationId = authorizationId();
        ObjectNode card = StripeFixtures.object("issuing.card");
        card.put("id", cardId());
        Api.Response answer = post(StripeFixtures.event("issuing_authorization.request",
                StripeFixtures.authorization(authorizationId, card, 700, "Rocket Rides", "taxicabs_limousines")));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.at("/approved").asBoolean()).isFalse();
        assertThat(events(authorizationId)).as("declined: unknown card, recorded under the authorization")
                .isEqualTo(1);

        String otherAuthorization = authorizationId();
        Api.Response namedButMissing = post(StripeFixtures.event("issuing_authorization.request",
                StripeFixtures.authorization(otherAuthorization, StripeFixtures.card(cardId(),
                        "wlt-00000000-0000-0000-0000-000000000000", "active"), 700, "Rocket Rides", "misc")));
        assertThat(namedButMissing.at("/approved").asBoolean()).isFalse();
        assertThat(events(otherAuthorization)).isEqualTo(1);
    }

    @Test
    void aFrozenCardIsDeclinedAndReportsOutOfOrderEndInStripesLatestState() {
        String cardId = cardId();
        String walletId = walletWithCard(cardId);
        Instant now = Instant.now();
        String frozen = StripeFixtures.event("issuing_card.updated", StripeFixtures.card(cardId, walletId, "inactive"),
                StripeFixtures.API_VERSION, now);
        String olderActive = StripeFixtures.event("issuing_card.updated",
                StripeFixtures.card(cardId, walletId, "active"), StripeFixtures.API_VERSION, now.minusSeconds(30));
        assertThat(post(frozen).status()).isEqualTo(200);
        assertThat(post(olderActive).status()).isEqualTo(200);

        Api.Response answer = post(StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(
                authorizationId(), StripeFixtures.card(cardId, walletId, "inactive"), 700, "Rocket Rides", "misc")));
        assertThat(answer.at("/approved").asBoolean()).as("the card stays frozen").isFalse();
    }

    @Test
    void anEventTypeOpsLedgerDoesNotFollowIsAnsweredAndNotStored() {
        Api api = api();
        long head = api.head();
        Api.Response answer = post(StripeFixtures.event("charge.succeeded", StripeFixtures.object("charge")));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(api.head()).isEqualTo(head);
    }

    @Test
    void whenNoDecisionComesInTimeTheFallbackAnswersAndIsRecordedAfterTheLateDecision() throws Exception {
        String cardId = cardId();
        String walletId = walletWithCard(cardId);
        String authorizationId = authorizationId();
        String payload = StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(
                authorizationId, StripeFixtures.card(cardId, walletId, "active"), 700, "Rocket Rides", "misc"));
        Api.Response answer;
        // Another transaction holds the event store's table for longer than the decision may take.
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
            answer = post(payload);
            Api.pause(Duration.ofMillis(500));
            blocker.rollback();
        }
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.at("/approved").asBoolean()).as("the configured fallback declines").isFalse();

        String fallback = awaitEvent(walletId, "AuthorizationFallbackAnswered");
        assertThat(Api.JSON.readTree(fallback).get("decidedMeanwhile").asBoolean())
                .as("the late decision was stored first, then replaced").isTrue();
        Api.Response repeat = post(payload);
        assertThat(repeat.at("/approved").asBoolean()).as("a repeat gets the answer Stripe got").isFalse();
    }

    private String awaitEvent(String aggregateId, String type) {
        Instant until = Instant.now().plusSeconds(30);
        while (true) {
            List<String> found = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :id"
                            + " AND payload_type LIKE :type")
                    .param("id", aggregateId).param("type", "%" + type).query(String.class).list();
            if (!found.isEmpty() || Instant.now().isAfter(until)) {
                assertThat(found).as(type).hasSize(1);
                return found.get(0);
            }
            Api.pause(Duration.ofMillis(100));
        }
    }

    /** Stripe's report of an authorization: status, approval, amount, and a decline reason in request_history. */
    private static ObjectNode reported(String authorizationId, ObjectNode card, String status, boolean approved,
                                       long amount, String declineReason) {
        ObjectNode authorization = StripeFixtures.authorization(authorizationId, card, amount, "Rocket Rides",
                "misc");
        authorization.put("status", status).put("approved", approved).put("amount", amount);
        authorization.putNull("pending_request");
        if (declineReason != null) {
            ObjectNode entry = authorization.putArray("request_history").addObject();
            entry.put("approved", false).put("amount", amount).put("currency", "usd")
                    .put("created", Instant.now().getEpochSecond()).put("reason", declineReason)
                    .put("merchant_amount", amount).put("merchant_currency", "usd");
        }
        return authorization;
    }

    @Test
    void stripesReportsFollowTheDecisionInTheReadModelAndAPartialCaptureCountsWhatWasCaptured() {
        String cardId = cardId();
        String walletId = walletWithCard(cardId);
        String authorizationId = authorizationId();
        ObjectNode card = StripeFixtures.card(cardId, walletId, "active");
        post(StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(authorizationId,
                card, 9_000, "Rocket Rides", "misc")));
        Instant now = Instant.now();
        // Delivered out of order: the capture (closed, 6,000 of 9,000) before the creation (pending, 9,000).
        String closed = StripeFixtures.event("issuing_authorization.updated",
                reported(authorizationId, card, "closed", true, 6_000, null), StripeFixtures.API_VERSION, now);
        String created = StripeFixtures.event("issuing_authorization.created",
                reported(authorizationId, card, "pending", true, 9_000, null), StripeFixtures.API_VERSION,
                now.minusSeconds(20));
        assertThat(post(closed).status()).isEqualTo(200);
        assertThat(post(created).status()).isEqualTo(200);
        assertThat(post(closed).status()).as("a redelivery").isEqualTo(200);

        Api api = api();
        long head = api.head();
        JsonNode item = api.get("/api/v1/admin/agent-wallet/authorizations/" + authorizationId + "?minPosition="
                + head, READER).json();
        assertThat(item.at("/approved").asBoolean()).isTrue();
        assertThat(item.at("/reason").asString()).isEqualTo("within_policy");
        assertThat(item.at("/explanation").asString()).isEqualTo("within the wallet's policy");
        assertThat(item.at("/latencyMillis").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(item.at("/stripeStatus").asString()).isEqualTo("closed");
        assertThat(item.at("/stripeAmount").asLong()).isEqualTo(6_000);
        assertThat(item.at("/countedAmount").asLong()).as("Stripe's report outranks the hold").isEqualTo(6_000);
        ObjectNode capture = StripeFixtures.object("issuing.transaction");
        capture.put("id", "ipi_" + UUID.randomUUID().toString().replace("-", "")).put("card", cardId)
                .put("authorization", authorizationId).put("amount", -5_000);
        assertThat(post(StripeFixtures.event("issuing_transaction.created", capture)).status()).isEqualTo(200);
        item = api.get("/api/v1/admin/agent-wallet/authorizations/" + authorizationId + "?minPosition="
                + api.head(), READER).json();
        assertThat(item.at("/capturedAmount").asLong()).isEqualTo(5_000);
        assertThat(item.at("/countedAmount").asLong()).isEqualTo(5_000);
        JsonNode wallet = api.get("/api/v1/admin/agent-wallet/wallets/" + walletId, READER).json();
        assertThat(wallet.at("/wallet/spentToday").asLong()).as("the captured amount, not the hold").isEqualTo(5_000);
        assertThat(wallet.at("/wallet/cards").asLong()).isEqualTo(1);
        assertThat(wallet.at("/cards/0/cardId").asString()).isEqualTo(cardId);
        assertThat(wallet.at("/authorizations/items/0/authorizationId").asString()).isEqualTo(authorizationId);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id"
                        + " AND payload_type LIKE '%AuthorizationOutcomeRecorded'").param("id", walletId)
                .query(Long.class).single()).as("the later report once; the older and the redelivery not at all")
                .isEqualTo(1);
    }

    @Test
    void anAuthorizationStripeDeclinedIsListedWithStripesReason() {
        String cardId = cardId();
        String walletId = walletWithCard(cardId);
        String authorizationId = authorizationId();
        post(StripeFixtures.event("issuing_authorization.created", reported(authorizationId,
                StripeFixtures.card(cardId, walletId, "active"), "closed", false, 700, "webhook_timeout")));
        Api api = api();
        JsonNode declined = api.get("/api/v1/admin/agent-wallet/authorizations?walletId=" + walletId
                + "&stripeReason=webhook_timeout&minPosition=" + api.head(), READER).json();
        assertThat(declined.at("/items").size()).isEqualTo(1);
        assertThat(declined.at("/items/0/stripeApproved").asBoolean()).isFalse();
        assertThat(declined.at("/items/0/decisionId").isMissingNode()).as("Stripe never asked").isTrue();
        JsonNode wallet = api.get("/api/v1/admin/agent-wallet/wallets/" + walletId, READER).json();
        assertThat(wallet.at("/wallet/declinesLast24h").asLong()).isEqualTo(1);
    }

    @Test
    void aCardholderPastDueAndAStripeDeclineOfAnApprovalAreShownAsAnomalies() {
        String cardId = cardId();
        String walletId = walletWithCard(cardId);
        ObjectNode cardholder = StripeFixtures.object("issuing.cardholder");
        cardholder.put("id", "ich_" + UUID.randomUUID().toString().replace("-", ""));
        cardholder.putObject("metadata").put("opsledger_wallet_id", walletId);
        ((ObjectNode) cardholder.get("requirements")).putArray("past_due").add("individual.dob.day");
        assertThat(post(StripeFixtures.event("issuing_cardholder.updated", cardholder)).status()).isEqualTo(200);

        String authorizationId = authorizationId();
        ObjectNode card = StripeFixtures.card(cardId, walletId, "active");
        assertThat(post(StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(
                authorizationId, card, 700, "Rocket Rides", "misc"))).at("/approved").asBoolean()).isTrue();
        post(StripeFixtures.event("issuing_authorization.updated",
                reported(authorizationId, card, "closed", false, 700, "suspected_fraud")));

        Api api = api();
        JsonNode found = api.get("/api/v1/admin/agent-wallet/anomalies?walletId=" + walletId + "&minPosition="
                + api.head(), READER).json();
        assertThat(found.valueStream().map(a -> a.get("rule").asString()))
                .containsExactlyInAnyOrder("cardholder_requirements", "stripe_declined_our_approval");
        assertThat(found.valueStream().filter(a -> a.get("rule").asString().equals("stripe_declined_our_approval"))
                .findFirst().orElseThrow().get("detail").asString())
                .isEqualTo("OpsLedger approved; Stripe declined (suspected_fraud)");
        JsonNode row = api.get("/api/v1/admin/agent-wallet?agentId=" + api.get("/api/v1/admin/agent-wallet/wallets/"
                + walletId, READER).at("/wallet/agentId").asString(), READER).at("/items/0");
        assertThat(row.at("/walletId").asString()).isEqualTo(walletId);
        assertThat(row.at("/anomalies").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("cardholder_requirements", "stripe_declined_our_approval");
    }

    @Test
    void concurrentRequestsOverTheDailyLimitTogetherAreApprovedOnceAtMost() throws Exception {
        String cardId = cardId();
        String walletId = walletWithCard(cardId);
        // The daily limit is 100,000; each asks for 9,000 (below the approval threshold): 11 fit, 20 are asked.
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String payload = StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(
                    authorizationId(), StripeFixtures.card(cardId, walletId, "active"), 9_000, "Rocket Rides",
                    "misc"));
            answers.add(CompletableFuture.supplyAsync(() -> post(payload), clients));
        }
        long approved = answers.stream().map(CompletableFuture::join)
                .peek(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(200))
                .filter(answer -> answer.at("/approved").asBoolean()).count();
        clients.shutdown();
        assertThat(approved).as("100,000 / 9,000: eleven fit in the day").isEqualTo(11);
    }
}
