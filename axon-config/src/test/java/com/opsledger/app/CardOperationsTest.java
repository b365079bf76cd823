package com.opsledger.app;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators' card operations through the real Stripe SDK against the WireMock stand-in: recorded only once Stripe
 * confirms, with an idempotency key per command, and a Stripe refusal or failure a problem that records nothing.
 */
class CardOperationsTest extends IntegrationTest {

    private static final String ALICE = Api.token("alice", "operator");
    private static final String AUDITOR = Api.token("audrey", "auditor");

    @BeforeEach
    void resetStandIn() {
        StripeStandIn.server().resetAll();
    }

    private String wallet() {
        return api().ingest("/api/v1/ingest/agent-wallet/wallets", AgentWalletTest.wallet("agent-" + UUID.randomUUID()))
                .at("/walletId").asString();
    }

    /** Stripe answers a card create with its example card, given this id, status and metadata. */
    private static void stripeIssues(String cardId, String walletId) {
        StripeStandIn.server().stubFor(post(urlEqualTo("/v1/issuing/cards")).willReturn(json(
                StripeFixtures.card(cardId, walletId, "active"))));
    }

    private static void stripeUpdates(String cardId, String walletId, String status) {
        ObjectNode card = StripeFixtures.card(cardId, walletId, status);
        if (status.equals("canceled")) {
            card.put("cancellation_reason", "lost");
        }
        StripeStandIn.server().stubFor(post(urlEqualTo("/v1/issuing/cards/" + cardId)).willReturn(json(card)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(JsonNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Api.JSON.writeValueAsString(body));
    }

    private Api.Response issue(String walletId, String requestId) {
        return api().post("/api/v1/admin/agent-wallet/wallets/" + walletId + "/cards", ALICE,
                Map.of("cardholderId", "ich_1Pgag4B7WZ01zgkWdPVfBngi", "requestId", requestId,
                        "reason", "agent starts paying for API credits"));
    }

    @Test
    void anOperatorIssuesACardThroughStripeWithAnIdempotencyKeyPerRequest() {
        String walletId = wallet();
        String cardId = "ic_" + UUID.randomUUID().toString().replace("-", "");
        stripeIssues(cardId, walletId);
        Api.Response issued = issue(walletId, "issue-1");
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        assertThat(issued.at("/cardId").asString()).isEqualTo(cardId);
        Api.Response again = issue(walletId, "issue-1");
        assertThat(again.status()).isEqualTo(201);

        List<LoggedRequest> creates = StripeStandIn.server().findAll(postRequestedFor(urlEqualTo("/v1/issuing/cards")));
        assertThat(creates).hasSize(2);
        String key = creates.get(0).getHeader("Idempotency-Key");
        assertThat(key).startsWith("opsledger-");
        assertThat(creates.get(1).getHeader("Idempotency-Key")).as("a retried command, the same key").isEqualTo(key);
        String form = creates.get(0).getBodyAsString();
        assertThat(form).contains("cardholder=ich_1Pgag4B7WZ01zgkWdPVfBngi", "currency=usd", "type=virtual",
                "status=active", "metadata[opsledger_wallet_id]=" + walletId);
        assertThat(creates.get(0).getHeader("Authorization")).isEqualTo("Bearer " + StripeStandIn.API_KEY);

        JsonNode cards = api().get("/api/v1/admin/agent-wallet/cards?walletId=" + walletId + "&minPosition="
                + again.at("/position").asLong(), AUDITOR).json();
        assertThat(cards.at("/items").size()).as("one card, however often it was asked for").isEqualTo(1);
        assertThat(cards.at("/items/0/status").asString()).isEqualTo("active");
        assertThat(cards.at("/items/0/issuedBy").asString()).isEqualTo("alice");
        assertThat(cards.at("/items/0/last4").asString()).isEqualTo("4242");
    }

    @Test
    void anOperatorCreatesTheWalletsCardholderThroughStripe() {
        String walletId = wallet();
        ObjectNode cardholder = StripeFixtures.object("issuing.cardholder");
        cardholder.putObject("metadata").put("opsledger_wallet_id", walletId);
        StripeStandIn.server().stubFor(post(urlEqualTo("/v1/issuing/cardholders")).willReturn(json(cardholder)));
        Api.Response created = api().post("/api/v1/admin/agent-wallet/wallets/" + walletId + "/cardholders", ALICE,
                Map.of("name", "Acme Agent Ops", "email", "ops@acme.test", "company", true, "requestId", "ch-1",
                        "billing", Map.of("line1", "1 Main St", "city", "Springfield", "postalCode", "12345",
                                "country", "US")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.at("/cardholderId").asString()).isEqualTo("ich_1Pgag4B7WZ01zgkWdPVfBngi");
        StripeStandIn.server().verify(postRequestedFor(urlEqualTo("/v1/issuing/cardholders"))
                .withHeader("Idempotency-Key", WireMock.matching("opsledger-.+"))
                .withRequestBody(containing("type=company"))
                .withRequestBody(containing("billing[address][country]=US"))
                .withRequestBody(containing("metadata[opsledger_wallet_id]=" + walletId)));
        Api.Response badCountry = api().post("/api/v1/admin/agent-wallet/wallets/" + walletId + "/cardholders",
                ALICE, Map.of("name", "x", "company", true, "requestId", "ch-2", "billing", Map.of("line1", "1",
                        "city", "c", "postalCode", "1", "country", "usa")));
        assertThat(badCountry.status()).isEqualTo(400);
        assertThat(badCountry.at("/errors/0/field").asString()).isEqualTo("billing.country");
        for (Object company : List.of("true", 1)) {
            Api.Response coerced = api().post("/api/v1/admin/agent-wallet/wallets/" + walletId + "/cardholders",
                    ALICE, Map.of("name", "x", "company", company, "requestId", "ch-3", "billing", Map.of("line1",
                            "1", "city", "c", "postalCode", "1", "country", "US")));
            assertThat(coerced.status()).as(company + ": " + coerced.raw()).isEqualTo(400);
            assertThat(coerced.at("/errors/0/field").asString()).isEqualTo("company");
        }
    }

    @Test
    void aFrozenCardIsRecordedOnceStripeConfirmsAndACanceledOneNeverChangesAgain() {
        String walletId = wallet();
        String cardId = "ic_" + UUID.randomUUID().toString().replace("-", "");
        stripeIssues(cardId, walletId);
        assertThat(issue(walletId, "issue-f").status()).isEqualTo(201);
        String base = "/api/v1/admin/agent-wallet/wallets/" + walletId + "/cards/" + cardId;

        stripeUpdates(cardId, walletId, "inactive");
        Api.Response frozen = api().post(base + "/freeze", ALICE, Map.of("reason", "odd merchant pattern"));
        assertThat(frozen.status()).as(frozen.raw()).isEqualTo(200);
        StripeStandIn.server().verify(postRequestedFor(urlEqualTo("/v1/issuing/cards/" + cardId))
                .withRequestBody(containing("status=inactive")).withHeader("Idempotency-Key", WireMock.matching(
                        "opsledger-.+")));
        JsonNode card = api().get("/api/v1/admin/agent-wallet/cards?walletId=" + walletId + "&minPosition="
                + frozen.at("/position").asLong(), AUDITOR).at("/items/0");
        assertThat(card.at("/status").asString()).isEqualTo("inactive");

        Api.Response twice = api().post(base + "/freeze", ALICE, Map.of("reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.at("/detail").asString()).isEqualTo("card " + cardId + " is inactive already");

        stripeUpdates(cardId, walletId, "canceled");
        Api.Response canceled = api().post(base + "/cancel", ALICE, Map.of("lostOrStolen", "lost",
                "reason", "agent lost its credentials"));
        assertThat(canceled.status()).as(canceled.raw()).isEqualTo(200);
        StripeStandIn.server().verify(postRequestedFor(urlEqualTo("/v1/issuing/cards/" + cardId))
                .withRequestBody(containing("cancellation_reason=lost")));

        int calls = StripeStandIn.server().getAllServeEvents().size();
        Api.Response unfreeze = api().post(base + "/unfreeze", ALICE, Map.of("reason", "back"));
        assertThat(unfreeze.status()).isEqualTo(409);
        assertThat(unfreeze.at("/detail").asString()).isEqualTo("card " + cardId
                + " is canceled; a canceled card cannot change");
        assertThat(StripeStandIn.server().getAllServeEvents()).as("Stripe was not called").hasSize(calls);
    }

    @Test
    void aStripeRefusalIsAConflictAndAStripeFailureABadGatewayAndNeitherRecordsAnything() {
        String walletId = wallet();
        Api api = api();
        long head = api.head();
        StripeStandIn.server().stubFor(post(urlEqualTo("/v1/issuing/cards")).withHeader("Idempotency-Key",
                WireMock.matching(".+")).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\":"
                + " \"No such cardholder: 'ich_1Pgag4B7WZ01zgkWdPVfBngi'\", \"param\": \"cardholder\"}}")));
        Api.Response refused = issue(walletId, "issue-x");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("/detail").asString()).startsWith(
                "Stripe refused: No such cardholder: 'ich_1Pgag4B7WZ01zgkWdPVfBngi'");

        StripeStandIn.server().stubFor(post(urlEqualTo("/v1/issuing/cards")).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"boom\"}}")));
        Api.Response failed = issue(walletId, "issue-y");
        assertThat(failed.status()).as(failed.raw()).isEqualTo(502);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.at("/detail").asString()).contains("nothing was changed or recorded");
        assertThat(api.head()).as("nothing recorded").isEqualTo(head);
    }

    @Test
    void aCardOfAnotherWalletOrAnAuditorsRequestNeverReachesStripe() {
        String walletId = wallet();
        Api.Response unknown = api().post("/api/v1/admin/agent-wallet/wallets/" + walletId + "/cards/ic_nope/freeze",
                ALICE, Map.of("reason", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response auditor = api().post("/api/v1/admin/agent-wallet/wallets/" + walletId + "/cards", AUDITOR,
                Map.of("cardholderId", "ich_1", "requestId", "r2"));
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(StripeStandIn.server().getAllServeEvents()).as("Stripe was not called").isEmpty();
    }
}
