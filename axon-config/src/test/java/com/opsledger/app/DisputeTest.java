package com.opsledger.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transactions reported by Stripe for a wallet's card, and disputes on them: opened and submitted by an operator
 * through the SDK against the stand-in, then decided by Stripe's webhooks.
 */
class DisputeTest extends IntegrationTest {

    private static final String ALICE = Api.token("alice", "operator");
    private static final String AUDITOR = Api.token("audrey", "auditor");

    @BeforeEach
    void resetStandIn() {
        StripeStandIn.server().resetAll();
    }

    private Api.Response webhook(String type, JsonNode object, Instant created) {
        String payload = StripeFixtures.event(type, object, StripeFixtures.API_VERSION, created);
        return api().webhook("/webhooks/stripe", payload, "Stripe-Signature", StripeFixtures.signature(payload));
    }

    private static ObjectNode transaction(String id, String cardId, String type, long amount) {
        ObjectNode transaction = StripeFixtures.object("issuing.transaction");
        transaction.put("id", id).put("card", cardId).put("type", type).put("amount", amount);
        return transaction;
    }

    private static ObjectNode dispute(String id, String transactionId, String status) {
        ObjectNode dispute = StripeFixtures.object("issuing.dispute");
        dispute.put("id", id).put("transaction", transactionId).put("status", status);
        return dispute;
    }

    private static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aCaptureIsDisputedSubmittedAndWonAndARefundCannotBeDisputed() {
        String walletId = api().ingest("/api/v1/ingest/agent-wallet/wallets",
                AgentWalletTest.wallet("agent-" + UUID.randomUUID())).at("/walletId").asString();
        String cardId = id("ic_");
        assertThat(webhook("issuing_card.created", StripeFixtures.card(cardId, walletId, "active"), Instant.now())
                .status()).isEqualTo(200);
        String capture = id("ipi_");
        String refund = id("ipi_");
        assertThat(webhook("issuing_transaction.created", transaction(capture, cardId, "capture", -2_500),
                Instant.now()).status()).isEqualTo(200);
        assertThat(webhook("issuing_transaction.created", transaction(refund, cardId, "refund", 500),
                Instant.now()).status()).isEqualTo(200);
        assertThat(webhook("issuing_transaction.created", transaction(capture, cardId, "capture", -2_500),
                Instant.now()).status()).as("a redelivery").isEqualTo(200);

        JsonNode transactions = api().get("/api/v1/admin/agent-wallet/transactions?walletId=" + walletId
                + "&minPosition=" + api().head(), AUDITOR).json();
        assertThat(transactions.at("/total").asLong()).isEqualTo(2);
        JsonNode captures = api().get("/api/v1/admin/agent-wallet/transactions?walletId=" + walletId
                + "&type=capture", AUDITOR).json();
        assertThat(captures.at("/items/0/amount").asLong()).isEqualTo(-2_500);

        String disputeId = id("idp_");
        StripeStandIn.server().stubFor(post(urlEqualTo("/v1/issuing/disputes")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Api.JSON.writeValueAsString(dispute(disputeId, capture, "unsubmitted")))));
        String base = "/api/v1/admin/agent-wallet/wallets/" + walletId;
        Api.Response opened = api().post(base + "/transactions/" + capture + "/dispute", ALICE,
                Map.of("reason", "fraudulent", "explanation", "the agent never bought this"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        StripeStandIn.server().verify(postRequestedFor(urlEqualTo("/v1/issuing/disputes"))
                .withHeader("Idempotency-Key", matching("opsledger-.+"))
                .withRequestBody(containing("transaction=" + capture))
                .withRequestBody(containing("evidence[reason]=fraudulent"))
                .withRequestBody(containing("evidence[fraudulent][explanation]=the+agent+never+bought+this")));

        int calls = StripeStandIn.server().getAllServeEvents().size();
        Api.Response again = api().post(base + "/transactions/" + capture + "/dispute", ALICE,
                Map.of("reason", "fraudulent", "explanation", "again"));
        assertThat(again.status()).isEqualTo(409);
        Api.Response onRefund = api().post(base + "/transactions/" + refund + "/dispute", ALICE,
                Map.of("reason", "other", "explanation", "x"));
        assertThat(onRefund.status()).isEqualTo(409);
        assertThat(onRefund.at("/detail").asString()).contains("only a capture can be disputed");
        assertThat(StripeStandIn.server().getAllServeEvents()).as("Stripe was not called").hasSize(calls);

        StripeStandIn.server().stubFor(post(urlEqualTo("/v1/issuing/disputes/" + disputeId + "/submit"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Api.JSON.writeValueAsString(dispute(disputeId, capture, "submitted")))));
        Api.Response submitted = api().post(base + "/disputes/" + disputeId + "/submit", ALICE, Map.of());
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(200);

        assertThat(webhook("issuing_dispute.closed", dispute(disputeId, capture, "won"),
                Instant.now().plusSeconds(1)).status()).isEqualTo(200);
        JsonNode disputes = api().get("/api/v1/admin/agent-wallet/disputes?walletId=" + walletId + "&minPosition="
                + api().head(), AUDITOR).json();
        assertThat(disputes.at("/items/0/status").asString()).isEqualTo("won");
        assertThat(disputes.at("/items/0/openedBy").asString()).isEqualTo("alice");
        assertThat(disputes.at("/items/0/explanation").asString()).isEqualTo("the agent never bought this");
        JsonNode wallet = api().get("/api/v1/admin/agent-wallet/wallets/" + walletId, AUDITOR).json();
        assertThat(wallet.at("/wallet/openDisputes").asLong()).as("won: no longer open").isZero();
    }

    @Test
    void aTransactionOfACardNoWalletHoldsIsAnsweredAndNotStored() {
        Api api = api();
        long head = api.head();
        assertThat(webhook("issuing_transaction.created", transaction(id("ipi_"), id("ic_"), "capture", -100),
                Instant.now()).status()).isEqualTo(200);
        assertThat(webhook("issuing_dispute.created", dispute(id("idp_"), id("ipi_"), "unsubmitted"),
                Instant.now()).status()).isEqualTo(200);
        assertThat(api.head()).isEqualTo(head);
    }
}
