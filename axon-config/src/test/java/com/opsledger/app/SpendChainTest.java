package com.opsledger.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One spend from end to end, as an investigating operator reads it: the spend request and its two approvals, the
 * decision that used it, Stripe's report, the capture and the dispute on it.
 */
class SpendChainTest extends IntegrationTest {

    private static final String AUDITOR = Api.token("audrey", "auditor");

    private Api.Response webhook(String type, JsonNode object) {
        String payload = StripeFixtures.event(type, object);
        return api().webhook("/webhooks/stripe", payload, "Stripe-Signature", StripeFixtures.signature(payload));
    }

    /** A wallet with an active card, and a spend request of 30,000 (above dual control) that two operators approved. */
    private record Spend(String walletId, String cardId, ObjectNode card, String spendRequestId) {
    }

    private Spend approvedSpendRequest(Api api) {
        String walletId = api.ingest("/api/v1/ingest/agent-wallet/wallets",
                AgentWalletTest.wallet("agent-" + UUID.randomUUID())).at("/walletId").asString();
        String cardId = "ic_" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode card = StripeFixtures.card(cardId, walletId, "active");
        assertThat(webhook("issuing_card.created", card).status()).isEqualTo(200);
        Instant expires = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String spendRequestId = api.ingest("/api/v1/ingest/agent-wallet/wallets/" + walletId + "/spend-requests",
                AgentWalletTest.spend("request-1", 30_000, expires)).at("/spendRequestId").asString();
        String approve = "/api/v1/admin/agent-wallet/wallets/" + walletId + "/spend-requests/" + spendRequestId
                + "/approve";
        assertThat(api.post(approve, Api.token("alice", "operator"), Map.of()).status()).isEqualTo(200);
        assertThat(api.post(approve, Api.token("bob", "operator"), Map.of()).status()).isEqualTo(200);
        return new Spend(walletId, cardId, card, spendRequestId);
    }

    @Test
    void aSpendIsReadFromItsRequestToItsDispute() {
        Api api = api();
        Spend spend = approvedSpendRequest(api);
        String walletId = spend.walletId();
        String cardId = spend.cardId();
        ObjectNode card = spend.card();
        String spendRequestId = spend.spendRequestId();

        String authorizationId = "iauth_" + UUID.randomUUID().toString().replace("-", "");
        Api.Response answer = webhook("issuing_authorization.request", StripeFixtures.authorization(authorizationId,
                card, 25_000, "OpenAI", "computer_software_stores"));
        assertThat(answer.at("/approved").asBoolean()).as(answer.raw()).isTrue();
        ObjectNode closed = StripeFixtures.authorization(authorizationId, card, 25_000, "OpenAI",
                "computer_software_stores");
        closed.put("status", "closed").put("approved", true).put("amount", 25_000).putNull("pending_request");
        webhook("issuing_authorization.updated", closed);
        String transactionId = "ipi_" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode capture = StripeFixtures.object("issuing.transaction");
        capture.put("id", transactionId).put("card", cardId).put("authorization", authorizationId)
                .put("amount", -25_000);
        webhook("issuing_transaction.created", capture);
        ObjectNode dispute = StripeFixtures.object("issuing.dispute");
        dispute.put("id", "idp_" + UUID.randomUUID().toString().replace("-", "")).put("transaction", transactionId);
        webhook("issuing_dispute.created", dispute);

        JsonNode chains = api.get("/api/v1/admin/agent-wallet/wallets/" + walletId + "/chains?minPosition="
                + api.head(), AUDITOR).json();
        assertThat(chains.at("/items").size()).isEqualTo(1);
        JsonNode chain = chains.at("/items/0");
        assertThat(chain.at("/spendRequest/spendRequestId").asString()).isEqualTo(spendRequestId);
        assertThat(chain.at("/spendRequest/status").asString()).isEqualTo("consumed");
        assertThat(chain.at("/spendRequest/consumedBy").asString()).isEqualTo(authorizationId);
        assertThat(chain.at("/spendRequest/approvals").valueStream().map(a -> a.get("operator").asString()))
                .containsExactly("alice", "bob");
        assertThat(chain.at("/authorization/reason").asString()).isEqualTo("covered_by_spend_request");
        assertThat(chain.at("/authorization/stripeStatus").asString()).isEqualTo("closed");
        assertThat(chain.at("/transactions/0/amount").asLong()).isEqualTo(-25_000);
        assertThat(chain.at("/disputes/0/status").asString()).isEqualTo("unsubmitted");
    }

    @Test
    void aSpendRequestUsedByAnAuthorizationStripeDeclinedAfterAllCoversTheNextOne() {
        Api api = api();
        Spend spend = approvedSpendRequest(api);
        String walletId = spend.walletId();
        ObjectNode card = spend.card();

        String first = "iauth_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(webhook("issuing_authorization.request", StripeFixtures.authorization(first, card, 25_000,
                "OpenAI", "computer_software_stores")).at("/approved").asBoolean()).isTrue();
        // Stripe did not get the answer in time and declined on its own.
        ObjectNode declined = StripeFixtures.authorization(first, card, 25_000, "OpenAI", "computer_software_stores");
        declined.put("status", "closed").put("approved", false).putNull("pending_request");
        declined.putArray("request_history").addObject().put("approved", false).put("amount", 25_000)
                .put("currency", "usd").put("created", Instant.now().getEpochSecond())
                .put("reason", "webhook_timeout").put("merchant_amount", 25_000).put("merchant_currency", "usd");
        assertThat(webhook("issuing_authorization.created", declined).status()).isEqualTo(200);

        JsonNode request = api.get("/api/v1/admin/agent-wallet/spend-requests?walletId=" + walletId
                + "&minPosition=" + api.head(), AUDITOR).json().at("/items/0");
        assertThat(request.at("/spendRequestId").asString()).isEqualTo(spend.spendRequestId());
        assertThat(request.at("/status").asString()).as(request.toString()).isEqualTo("approved");
        assertThat(request.at("/consumedBy").isMissingNode()).isTrue();

        String second = "iauth_" + UUID.randomUUID().toString().replace("-", "");
        Api.Response answer = webhook("issuing_authorization.request", StripeFixtures.authorization(second, card,
                25_000, "OpenAI", "computer_software_stores"));
        assertThat(answer.at("/approved").asBoolean()).as(answer.raw()).isTrue();
        request = api.get("/api/v1/admin/agent-wallet/spend-requests?walletId=" + walletId + "&minPosition="
                + api.head(), AUDITOR).json().at("/items/0");
        assertThat(request.at("/status").asString()).isEqualTo("consumed");
        assertThat(request.at("/consumedBy").asString()).isEqualTo(second);
    }
}
