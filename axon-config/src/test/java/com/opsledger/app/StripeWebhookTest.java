package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DataSource dataSource;

    private Api.Response post(String payload) {
        return api().webhook(WEBHOOK, payload, HEADER, StripeFixtures.signature(payload));
    }

    private String walletWithCard(String cardId) {
        String walletId = api().ingest("/api/v1/ingest/agent-wallet/wallets",
                AgentWalletTest.wallet("agent-" + UUID.randomUUID())).at("/walletId").asString();
        Api.Response card = post(StripeFixtures.event("issuing_card.created",
                StripeFixtures.card(cardId, walletId, "active")));
        assertThat(card.status()).as(card.raw()).isEqualTo(200);
        return walletId;
    }

    private long events(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    private static String cardId() {
        return "ic_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String authorizationId() {
        return "iauth_" + UUID.randomUUID().toString().replace("-", "");
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
