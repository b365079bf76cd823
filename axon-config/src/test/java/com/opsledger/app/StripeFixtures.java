package com.opsledger.app;

import com.opsledger.app.security.StripeSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Stripe's own example objects ({@code stripe/fixtures3.json}) in event envelopes, signed as Stripe signs webhooks
 * ({@link StripeSignatures}, which every webhook test thereby checks against the SDK's verification).
 */
final class StripeFixtures {

    /** The API version the SDK in use pins; events of it read without the SDK's fallback. */
    static final String API_VERSION = "2026-07-29.dahlia";
    private static final JsonNode RESOURCES = load().get("resources");

    private StripeFixtures() {
    }

    /** A fresh copy of Stripe's example object of {@code resource} (e.g. {@code issuing.card}). */
    static ObjectNode object(String resource) {
        return (ObjectNode) RESOURCES.get(resource).deepCopy();
    }

    /** An example card of the wallet: Stripe's card with its own id and OpsLedger's wallet metadata. */
    static ObjectNode card(String cardId, String walletId, String status) {
        ObjectNode card = object("issuing.card");
        card.put("id", cardId).put("status", status);
        card.putObject("metadata").put("opsledger_wallet_id", walletId);
        return card;
    }

    /** Stripe's example authorization, pending on {@code card} for {@code amount} at a merchant. */
    static ObjectNode authorization(String authorizationId, ObjectNode card, long amount, String merchant,
                                    String category) {
        ObjectNode authorization = object("issuing.authorization");
        authorization.put("id", authorizationId);
        authorization.set("card", card);
        ((ObjectNode) authorization.get("pending_request")).put("amount", amount).put("merchant_amount", amount);
        ((ObjectNode) authorization.get("merchant_data")).put("name", merchant).put("category", category);
        return authorization;
    }

    /** An event envelope around {@code object}, as Stripe sends it. */
    static String event(String type, JsonNode object, String apiVersion, Instant created) {
        ObjectNode event = Api.JSON.createObjectNode();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("api_version", apiVersion);
        event.put("created", created.getEpochSecond());
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        event.putObject("data").set("object", object);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        return Api.JSON.writeValueAsString(event);
    }

    static String event(String type, JsonNode object) {
        return event(type, object, API_VERSION, Instant.now());
    }

    /** The {@code Stripe-Signature} header of {@code payload} signed at {@code at}. */
    static String signature(String payload, String secret, Instant at) {
        return StripeSignatures.sign(payload, secret, at);
    }

    static String signature(String payload) {
        return signature(payload, IntegrationTest.STRIPE_WEBHOOK_SECRET, Instant.now());
    }

    /** A new Stripe id of the given prefix ({@code ic}, {@code iauth}, ...), of Stripe's shape. */
    static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Posts {@code payload} to the Stripe webhook, signed with the test secret now. */
    static Api.Response post(Api api, String payload) {
        return api.webhook("/webhooks/stripe", payload, "Stripe-Signature", signature(payload));
    }

    /** A new wallet (the ingest's example policy) holding an active card of id {@code cardId}; its id. */
    static String walletWithCard(Api api, String cardId) {
        String walletId = api.ingest("/api/v1/ingest/agent-wallet/wallets",
                AgentWalletTest.wallet("agent-" + UUID.randomUUID())).at("/walletId").asString();
        Api.Response card = post(api, event("issuing_card.created", card(cardId, walletId, "active")));
        if (card.status() != 200) {
            throw new AssertionError("the card of the new wallet was not recorded: " + card.raw());
        }
        return walletId;
    }

    private static JsonNode load() {
        try (InputStream in = StripeFixtures.class.getResourceAsStream("/stripe/fixtures3.json")) {
            return Api.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
