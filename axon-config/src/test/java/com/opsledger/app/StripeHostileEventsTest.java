package com.opsledger.app;

import com.opsledger.events.wallet.command.DecideAuthorization;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed Stripe events with impossible or unreadable values, as a leaked webhook secret or a bug upstream would send
 * them: a real-time request is declined and recorded with its reason, any other event is a 400 problem, and nothing
 * of them reaches a wallet's books.
 */
class StripeHostileEventsTest extends IntegrationTest {

    private static final String READER = Api.token("hugo", "auditor");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private CommandGateway gateway;

    private Api.Response post(String payload) {
        return StripeFixtures.post(api(), payload);
    }

    private String walletWithCard(String cardId) {
        return StripeFixtures.walletWithCard(api(), cardId);
    }

    /** An authorization request whose pending amount is the JSON text {@code amount}, written as sent. */
    private static String requestWithAmount(String cardId, String walletId, String amount) {
        ObjectNode authorization = StripeFixtures.authorization(StripeFixtures.id("iauth"),
                StripeFixtures.card(cardId, walletId, "active"), 1, "Rocket Rides", "taxicabs_limousines");
        return StripeFixtures.event("issuing_authorization.request", authorization)
                .replace("\"amount\":1,", "\"amount\":" + amount + ",");
    }

    private long invalidDeclines() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry"
                + " WHERE payload_type LIKE '%.InvalidAuthorizationDeclined'").query(Long.class).single();
    }

    private JsonNode wallet(String walletId) {
        return api().get("/api/v1/admin/agent-wallet/wallets/" + walletId + "?minPosition=" + api().head(), READER)
                .json();
    }

    @Test
    void impossibleAmountsAreDeclinedRecordedAndNeverRaiseTheBudget() {
        String cardId = StripeFixtures.id("ic");
        String walletId = walletWithCard(cardId);
        long declinedBefore = invalidDeclines();
        for (String amount : List.of("-1000000", "18446744073709551616", "1e400", "\"700\"", "7.5", "null",
                "9223372036854775807")) {
            String payload = requestWithAmount(cardId, walletId, amount);
            assertThat(payload).contains("\"amount\":" + amount + ",");
            Api.Response answer = post(payload);
            assertThat(answer.status()).as(amount + ": " + answer.raw()).isEqualTo(200);
            assertThat(answer.at("/approved").asBoolean()).as(amount).isFalse();
            assertThat(answer.at("/metadata/opsledger_decision_id").asString()).startsWith("dec-");
            assertThat(post(payload).at("/approved").asBoolean()).as("a repeat of " + amount).isFalse();
        }
        assertThat(invalidDeclines() - declinedBefore).as("each recorded once, repeats not again").isEqualTo(7);
        String recorded = jdbc.sql("SELECT payload FROM domain_event_entry WHERE payload_type LIKE"
                + " '%.InvalidAuthorizationDeclined' AND payload::jsonb ->> 'namedWalletId' = :wallet"
                + " ORDER BY global_index LIMIT 1").param("wallet", walletId).query(String.class).single();
        assertThat(Api.JSON.readTree(recorded).at("/faults/0").asString())
                .isEqualTo("data.object.pending_request.amount must be an integer number of minor units from 0 to "
                        + "1000000000000");

        int approved = 0;
        for (int i = 0; i < 12; i++) {
            Api.Response answer = post(requestWithAmount(cardId, walletId, "9000"));
            approved += answer.at("/approved").asBoolean() ? 1 : 0;
        }
        assertThat(approved).as("12 × 9,000 against a daily limit of 100,000").isEqualTo(11);
        assertThat(wallet(walletId).at("/wallet/spentToday").asLong()).isEqualTo(99_000);
    }

    @Test
    void anAuthorizationWithoutAnIdIsDeclinedAndItsAnswerIsNotReusedForAnother() {
        String cardId = StripeFixtures.id("ic");
        String walletId = walletWithCard(cardId);
        for (long amount : new long[] {700, 40_000}) {
            ObjectNode authorization = StripeFixtures.authorization("x", StripeFixtures.card(cardId, walletId,
                    "active"), amount, "Rocket Rides", "taxicabs_limousines");
            authorization.putNull("id");
            Api.Response answer = post(StripeFixtures.event("issuing_authorization.request", authorization));
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            assertThat(answer.at("/approved").asBoolean()).as("no id, amount " + amount).isFalse();
        }
        assertThat(wallet(walletId).at("/wallet/spentToday").asLong()).isZero();
    }

    @Test
    void signedButMalformedEventsAre400ProblemsNamingTheFieldAndRecordNothing() {
        String cardId = StripeFixtures.id("ic");
        String walletId = walletWithCard(cardId);
        ObjectNode card = StripeFixtures.card(cardId, walletId, "active");
        String cardEvent = StripeFixtures.event("issuing_card.updated", card);
        ObjectNode report = StripeFixtures.authorization(StripeFixtures.id("iauth"), card.deepCopy(), 700,
                "Rocket Rides", "taxicabs_limousines");
        String reportEvent = StripeFixtures.event("issuing_authorization.created", report);
        long head = api().head();
        record Case(String payload, String field) {
        }
        List<Case> cases = List.of(
                new Case("{}", "id"),
                new Case("[]", "body"),
                new Case("\"event\"", "body"),
                new Case(without(cardEvent, "type"), "type"),
                new Case(without(cardEvent, "data"), "data"),
                new Case(with(cardEvent, "/data", "object", null), "data.object"),
                new Case(with(cardEvent, "", "created", null), "created"),
                new Case(cardEvent.replaceFirst("\"created\":\\d+", "\"created\":1e17"), "created"),
                new Case(with(cardEvent, "", "created", Instant.now().plus(Duration.ofDays(1)).getEpochSecond()),
                        "created"),
                new Case(with(reportEvent, "/data/object", "card", null), "data.object.card"),
                new Case(with(cardEvent, "/data/object", "last4", "42\u000042"), "data.object.last4"),
                new Case(with(reportEvent, "/data/object/merchant_data", "name", "Rocket\u0000Rides"),
                        "data.object.merchant_data.name"),
                new Case(with(cardEvent, "/data/object", "metadata", "x"), "data.object.metadata"),
                new Case(with(cardEvent, "/data/object", "id", "card_1; DROP TABLE"), "data.object.id"),
                new Case(with(reportEvent, "/data/object", "amount", "700"), "data.object.amount"),
                new Case(with(cardEvent, "/data/object", "currency", "US Dollar"), "data.object.currency"),
                new Case(with(cardEvent, "/data/object", "object", "issuing.cardholder"), "data.object.object"));
        for (Case c : cases) {
            Api.Response answer = post(c.payload());
            SecurityAndErrorsTest.assertProblem(answer, 400);
            assertThat(answer.at("/errors/0/field").asString()).as(c.payload()).isEqualTo(c.field());
            assertThat(answer.raw()).doesNotContain("java.").doesNotContain("BEGIN_OBJECT").doesNotContain("\\u0000");
        }
        assertThat(api().head()).as("nothing recorded").isEqualTo(head);
    }

    @Test
    void anImpossibleRealTimeRequestOfAnyShapeIsDeclinedNotA500() {
        String cardId = StripeFixtures.id("ic");
        String walletId = walletWithCard(cardId);
        String request = StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(
                StripeFixtures.id("iauth"), StripeFixtures.card(cardId, walletId, "active"), 700, "Rocket Rides",
                "taxicabs_limousines"));
        for (String payload : List.of(with(request, "/data/object", "card", null),
                with(request, "/data/object", "pending_request", null),
                with(request, "/data/object/merchant_data", "name", "Rocket\u0000Rides"),
                with(request, "/data/object/pending_request", "currency", "usd\u0000"),
                with(request, "/data/object/card/metadata", "opsledger_wallet_id", "wlt-\u0000"))) {
            Api.Response answer = post(payload);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            assertThat(answer.at("/approved").asBoolean()).isFalse();
        }
        assertThat(wallet(walletId).at("/wallet/spentToday").asLong()).isZero();
    }

    /**
     * An event stored before the door checked Stripe's text (a NUL in a merchant's name) is read into the read models
     * without it, and the wallet's later events are not held back behind it.
     */
    @Test
    void aNulStoredEarlierDoesNotFreezeTheWalletsReadModels() {
        String cardId = StripeFixtures.id("ic");
        String walletId = walletWithCard(cardId);
        String poisoned = StripeFixtures.id("iauth");
        gateway.sendAndWait(new DecideAuthorization(walletId, poisoned, cardId, 1_000, "usd", "Evil\u0000Corp",
                "taxicabs_limousines", Instant.now().truncatedTo(ChronoUnit.MICROS)));
        Api.Response later = post(StripeFixtures.event("issuing_authorization.request", StripeFixtures.authorization(
                StripeFixtures.id("iauth"), StripeFixtures.card(cardId, walletId, "active"), 2_000, "Rocket Rides",
                "taxicabs_limousines")));
        assertThat(later.at("/approved").asBoolean()).isTrue();
        assertThat(wallet(walletId).at("/wallet/spentToday").asLong()).isEqualTo(3_000);
        JsonNode shown = api().get("/api/v1/admin/agent-wallet/authorizations/" + poisoned, READER).json();
        assertThat(shown.at("/merchantName").asString()).isEqualTo("Evil\uFFFDCorp");
    }

    private static String without(String event, String field) {
        ObjectNode tree = (ObjectNode) Api.JSON.readTree(event);
        tree.remove(field);
        return Api.JSON.writeValueAsString(tree);
    }

    /** The event with {@code field} of the object at {@code pointer} set to {@code value} (null: JSON null). */
    private static String with(String event, String pointer, String field, Object value) {
        ObjectNode tree = (ObjectNode) Api.JSON.readTree(event);
        ObjectNode target = (ObjectNode) tree.at(pointer);
        if (value == null) {
            target.putNull(field);
        } else if (value instanceof Long number) {
            target.put(field, number);
        } else {
            target.put(field, value.toString());
        }
        return Api.JSON.writeValueAsString(tree);
    }
}
