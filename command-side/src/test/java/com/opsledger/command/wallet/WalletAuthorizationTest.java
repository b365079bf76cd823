package com.opsledger.command.wallet;

import com.opsledger.events.wallet.AuthorizationReason;
import com.opsledger.events.wallet.AuthorizationStatus;
import com.opsledger.events.wallet.CardStatus;
import com.opsledger.events.wallet.SpendPolicy;
import com.opsledger.events.wallet.WalletIds;
import com.opsledger.events.wallet.command.DecideAuthorization;
import com.opsledger.events.wallet.TransactionType;
import com.opsledger.events.wallet.command.RecordAuthorizationFallback;
import com.opsledger.events.wallet.command.RecordAuthorizationOutcome;
import com.opsledger.events.wallet.command.RecordCard;
import com.opsledger.events.wallet.command.RecordTransaction;
import com.opsledger.events.wallet.event.AuthorizationDecided;
import com.opsledger.events.wallet.event.AuthorizationFallbackAnswered;
import com.opsledger.events.wallet.event.AuthorizationOutcomeRecorded;
import com.opsledger.events.wallet.event.CardIssued;
import com.opsledger.events.wallet.event.CardStatusChanged;
import com.opsledger.events.wallet.event.SpendRequestApproved;
import com.opsledger.events.wallet.event.SpendRequestConsumed;
import com.opsledger.events.wallet.event.SpendRequestExpired;
import com.opsledger.events.wallet.event.SpendRequestReleased;
import com.opsledger.events.wallet.event.SpendRequested;
import com.opsledger.events.wallet.event.TransactionRecorded;
import com.opsledger.events.wallet.event.WalletOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The wallet's cards and its real-time authorization decisions: budget, spend requests used once, repeats. */
class WalletAuthorizationTest {

    private static final String WALLET = "wlt-1";
    private static final String CARD = "ic_1";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    /** 500.00 a payment, 1,000.00 a day; above 100.00 a spend request is needed. */
    private static final SpendPolicy POLICY = new SpendPolicy(50_000, 100_000, 1_000_000, List.of(),
            List.of("gambling"), 10_000, 20_000);

    private AggregateTestFixture<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    private static WalletOpened opened() {
        return new WalletOpened(WALLET, "agent-7", "org-1", "ws-1", "usd", POLICY, "h");
    }

    private static CardIssued card(CardStatus status) {
        return new CardIssued(WALLET, CARD, "ich_1", "4242", "usd", status, null, NOW.minusSeconds(3600));
    }

    private static DecideAuthorization authorize(String id, long amount, String merchant) {
        return new DecideAuthorization(WALLET, id, CARD, amount, "usd", merchant, "misc", NOW);
    }

    private static AuthorizationDecided decided(String id, long amount, String merchant, AuthorizationReason reason,
                                                String explanation, String spendRequestId) {
        return decided(id, amount, merchant, reason, explanation, spendRequestId, POLICY.approvalThreshold());
    }

    private static AuthorizationDecided decided(String id, long amount, String merchant, AuthorizationReason reason,
                                                String explanation, String spendRequestId, long threshold) {
        return new AuthorizationDecided(WALLET, "org-1", id, WalletIds.decisionFor(id), CARD, amount, "usd", merchant, "misc",
                reason.approves(), reason, explanation, spendRequestId, threshold, NOW);
    }

    private static AuthorizationAnswer answer(String id, AuthorizationReason reason, String explanation) {
        return new AuthorizationAnswer(WalletIds.decisionFor(id), reason.approves(), reason, explanation);
    }

    @Test
    void aCardIsRecordedOnceAndFollowsStripesLaterReportsOnly() {
        RecordCard active = new RecordCard(WALLET, CARD, "ich_1", "4242", "usd", CardStatus.ACTIVE, null,
                NOW.minusSeconds(3600));
        fixture.given(opened()).when(active).expectEvents(card(CardStatus.ACTIVE)).expectResultMessagePayload(true);
        fixture.given(opened(), card(CardStatus.ACTIVE)).when(active).expectNoEvents()
                .expectResultMessagePayload(false);
        RecordCard frozen = new RecordCard(WALLET, CARD, "ich_1", "4242", "usd", CardStatus.INACTIVE, null, NOW);
        fixture.given(opened(), card(CardStatus.ACTIVE)).when(frozen)
                .expectEvents(new CardStatusChanged(WALLET, CARD, CardStatus.ACTIVE, CardStatus.INACTIVE, null, NOW));
    }

    @Test
    void anOlderReportArrivingLateChangesNothingAndCanceledIsFinal() {
        CardStatusChanged frozen = new CardStatusChanged(WALLET, CARD, CardStatus.ACTIVE, CardStatus.INACTIVE, null,
                NOW);
        fixture.given(opened(), card(CardStatus.ACTIVE), frozen)
                .when(new RecordCard(WALLET, CARD, "ich_1", "4242", "usd", CardStatus.ACTIVE, null,
                        NOW.minusSeconds(60)))
                .expectNoEvents().expectResultMessagePayload(false);
        CardStatusChanged canceled = new CardStatusChanged(WALLET, CARD, CardStatus.ACTIVE, CardStatus.CANCELED,
                "lost", NOW);
        fixture.given(opened(), card(CardStatus.ACTIVE), canceled)
                .when(new RecordCard(WALLET, CARD, "ich_1", "4242", "usd", CardStatus.ACTIVE, null,
                        NOW.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void anAuthorizationWithinPolicyIsApprovedAndHeld() {
        fixture.given(opened(), card(CardStatus.ACTIVE)).when(authorize("iauth_1", 5_000, "Shop"))
                .expectEvents(decided("iauth_1", 5_000, "Shop", AuthorizationReason.WITHIN_POLICY,
                        "within the wallet's policy", null))
                .expectResultMessagePayload(answer("iauth_1", AuthorizationReason.WITHIN_POLICY,
                        "within the wallet's policy"));
    }

    @Test
    void theSameAuthorizationAskedAgainGetsTheSameAnswerAndRecordsNothing() {
        fixture.given(opened(), card(CardStatus.ACTIVE), decided("iauth_1", 5_000, "Shop",
                        AuthorizationReason.WITHIN_POLICY, "within the wallet's policy", null))
                .when(authorize("iauth_1", 5_000, "Shop"))
                .expectNoEvents()
                .expectResultMessagePayload(answer("iauth_1", AuthorizationReason.WITHIN_POLICY,
                        "within the wallet's policy"));
    }

    @Test
    void approvedHoldsCountAgainstTheDailyLimit() {
        fixture.given(opened(), card(CardStatus.ACTIVE),
                        decided("iauth_1", 50_000, "Shop", AuthorizationReason.WITHIN_POLICY, "ok", null),
                        decided("iauth_2", 45_000, "Shop", AuthorizationReason.WITHIN_POLICY, "ok", null),
                        decided("iauth_3", 40_000, "Shop", AuthorizationReason.OVER_DAILY_LIMIT, "no", null))
                .when(authorize("iauth_4", 6_000, "Shop"))
                .expectEvents(decided("iauth_4", 6_000, "Shop", AuthorizationReason.OVER_DAILY_LIMIT,
                        "amount 6000 is over the daily limit of 100000 by 1000 (95000 spent today)", null));
    }

    @Test
    void yesterdaysSpendDoesNotCountToday() {
        AuthorizationDecided yesterday = new AuthorizationDecided(WALLET, "org-1", "iauth_0", WalletIds.decisionFor("iauth_0"),
                CARD, 95_000, "usd", "Shop", "misc", true, AuthorizationReason.WITHIN_POLICY, "ok", null,
                POLICY.approvalThreshold(), NOW.minus(Duration.ofDays(1)));
        fixture.given(opened(), card(CardStatus.ACTIVE), yesterday).when(authorize("iauth_1", 10_000, "Shop"))
                .expectEvents(decided("iauth_1", 10_000, "Shop", AuthorizationReason.WITHIN_POLICY,
                        "within the wallet's policy", null));
    }

    @Test
    void anAmountAboveTheThresholdUsesAnApprovedSpendRequestExactlyOnce() {
        SpendRequested requested = new SpendRequested(WALLET, "org-1", "spr-1", "req-1", "user-9", 30_000, "usd",
                "OpenAI", null, "credits", NOW.plusSeconds(3600), 2, "h");
        SpendRequestApproved approved = new SpendRequestApproved(WALLET, "spr-1", List.of("op-a", "op-b"));
        fixture.given(opened(), card(CardStatus.ACTIVE), requested, approved)
                .when(authorize("iauth_1", 25_000, "OpenAI"))
                .expectEvents(decided("iauth_1", 25_000, "OpenAI", AuthorizationReason.COVERED_BY_SPEND_REQUEST,
                                "covered by approved spend request spr-1", "spr-1"),
                        new SpendRequestConsumed(WALLET, "spr-1", "iauth_1", 25_000));
        fixture.given(opened(), card(CardStatus.ACTIVE), requested, approved,
                        decided("iauth_1", 25_000, "OpenAI", AuthorizationReason.COVERED_BY_SPEND_REQUEST, "c", "spr-1"),
                        new SpendRequestConsumed(WALLET, "spr-1", "iauth_1", 25_000))
                .when(authorize("iauth_2", 25_000, "OpenAI"))
                .expectEvents(decided("iauth_2", 25_000, "OpenAI", AuthorizationReason.NEEDS_SPEND_REQUEST,
                        "amount 25000 is above the approval threshold of 10000 and no approved spend request covers"
                                + " it", null));
    }

    @Test
    void aFrozenCardIsDeclined() {
        fixture.given(opened(), card(CardStatus.INACTIVE)).when(authorize("iauth_1", 100, "Shop"))
                .expectEvents(decided("iauth_1", 100, "Shop", AuthorizationReason.CARD_INACTIVE,
                        "the card is frozen (inactive)", null));
    }

    @Test
    void aCardTheWalletDoesNotHoldIsDeclinedAsUnknown() {
        fixture.given(opened()).when(authorize("iauth_1", 100, "Shop"))
                .expectEvents(decided("iauth_1", 100, "Shop", AuthorizationReason.UNKNOWN_CARD,
                        "card ic_1 is not one of this wallet's cards", null));
    }

    private static AuthorizationOutcomeRecorded outcome(String id, AuthorizationStatus status, boolean approved,
                                                        long amount, String reason, boolean ours, Instant at) {
        return new AuthorizationOutcomeRecorded(WALLET, "org-1", id, CARD, status, approved, amount, "usd", reason,
                "Shop", "misc", ours, at);
    }

    private static RecordAuthorizationOutcome report(String id, AuthorizationStatus status, boolean approved,
                                                     long amount, String reason, Instant at) {
        return new RecordAuthorizationOutcome(WALLET, id, CARD, status, approved, amount, "usd", reason, "Shop",
                "misc", at);
    }

    private static final AuthorizationDecided FIFTY = decided("iauth_1", 50_000, "Shop",
            AuthorizationReason.WITHIN_POLICY, "ok", null);
    private static final AuthorizationDecided FORTY_FIVE = decided("iauth_2", 45_000, "Shop",
            AuthorizationReason.WITHIN_POLICY, "ok", null);

    @Test
    void stripesReportIsRecordedOnceAndAnOlderOneIsIgnored() {
        Instant later = NOW.plusSeconds(5);
        fixture.given(opened(), card(CardStatus.ACTIVE), FIFTY)
                .when(report("iauth_1", AuthorizationStatus.PENDING, true, 50_000, null, later))
                .expectEvents(outcome("iauth_1", AuthorizationStatus.PENDING, true, 50_000, null, true, later))
                .expectResultMessagePayload(true);
        fixture.given(opened(), card(CardStatus.ACTIVE), FIFTY,
                        outcome("iauth_1", AuthorizationStatus.CLOSED, true, 50_000, null, true, later))
                .when(report("iauth_1", AuthorizationStatus.PENDING, true, 50_000, null, NOW))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    /** The same limits, without the approval threshold getting in the way of these budget rules. */
    private static WalletOpened openedWithoutThreshold() {
        return new WalletOpened(WALLET, "agent-7", "org-1", "ws-1", "usd", new SpendPolicy(50_000, 100_000,
                1_000_000, List.of(), List.of(), 50_000, 50_000), "h");
    }

    @Test
    void aReversedAuthorizationGivesItsAmountBackToTheDay() {
        fixture.given(openedWithoutThreshold(), card(CardStatus.ACTIVE), FIFTY, FORTY_FIVE,
                        outcome("iauth_1", AuthorizationStatus.REVERSED, true, 50_000, null, true, NOW))
                .when(authorize("iauth_3", 40_000, "Shop"))
                .expectEvents(decided("iauth_3", 40_000, "Shop", AuthorizationReason.WITHIN_POLICY,
                        "within the wallet's policy", null, 50_000));
    }

    @Test
    void stripesReportOfASmallerAmountCountsThatAmount() {
        AuthorizationOutcomeRecorded capturedThirty = outcome("iauth_1", AuthorizationStatus.CLOSED, true, 30_000,
                null, true, NOW);
        fixture.given(openedWithoutThreshold(), card(CardStatus.ACTIVE), FIFTY, FORTY_FIVE, capturedThirty)
                .when(authorize("iauth_3", 25_000, "Shop"))
                .expectEvents(decided("iauth_3", 25_000, "Shop", AuthorizationReason.WITHIN_POLICY,
                        "within the wallet's policy", null, 50_000));
        fixture.given(openedWithoutThreshold(), card(CardStatus.ACTIVE), FIFTY, FORTY_FIVE, capturedThirty)
                .when(authorize("iauth_3", 25_001, "Shop"))
                .expectEvents(decided("iauth_3", 25_001, "Shop", AuthorizationReason.OVER_DAILY_LIMIT,
                        "amount 25001 is over the daily limit of 100000 by 1 (75000 spent today)", null, 50_000));
    }

    @Test
    void anAuthorizationStripeDeclinedWithoutAskingIsRecordedAsNotOurs() {
        fixture.given(opened(), card(CardStatus.ACTIVE))
                .when(report("iauth_9", AuthorizationStatus.CLOSED, false, 700, "spending_controls", NOW))
                .expectEvents(outcome("iauth_9", AuthorizationStatus.CLOSED, false, 700, "spending_controls", false,
                        NOW));
    }

    private static TransactionRecorded transaction(String id, TransactionType type, long amount) {
        return new TransactionRecorded(WALLET, "org-1", id, "iauth_1", CARD, type, amount, "usd", "Shop", "misc", NOW);
    }

    @Test
    void aPartialCaptureCountsWhatWasCapturedAndARefundGivesBack() {
        AuthorizationOutcomeRecorded closed = outcome("iauth_1", AuthorizationStatus.CLOSED, true, 50_000, null,
                true, NOW);
        // Stripe reports a capture's amount negative: 20,000 of the 50,000 held was captured.
        TransactionRecorded capture = transaction("ipi_1", TransactionType.CAPTURE, -20_000);
        fixture.given(openedWithoutThreshold(), card(CardStatus.ACTIVE), FIFTY, FORTY_FIVE, closed)
                .when(new RecordTransaction(WALLET, "ipi_1", "iauth_1", CARD, TransactionType.CAPTURE, -20_000,
                        "usd", "Shop", "misc", NOW))
                .expectEvents(capture);
        fixture.given(openedWithoutThreshold(), card(CardStatus.ACTIVE), FIFTY, FORTY_FIVE, closed, capture)
                .when(authorize("iauth_3", 35_000, "Shop"))
                .expectEvents(decided("iauth_3", 35_000, "Shop", AuthorizationReason.WITHIN_POLICY,
                        "within the wallet's policy", null, 50_000));
        fixture.given(openedWithoutThreshold(), card(CardStatus.ACTIVE), FIFTY, FORTY_FIVE, closed, capture)
                .when(authorize("iauth_3", 35_001, "Shop"))
                .expectEvents(decided("iauth_3", 35_001, "Shop", AuthorizationReason.OVER_DAILY_LIMIT,
                        "amount 35001 is over the daily limit of 100000 by 1 (65000 spent today)", null, 50_000));
        fixture.given(openedWithoutThreshold(), card(CardStatus.ACTIVE), FIFTY, FORTY_FIVE, closed, capture,
                        transaction("ipi_2", TransactionType.REFUND, 5_000))
                .when(authorize("iauth_3", 40_001, "Shop"))
                .expectEvents(decided("iauth_3", 40_001, "Shop", AuthorizationReason.OVER_DAILY_LIMIT,
                        "amount 40001 is over the daily limit of 100000 by 1 (60000 spent today)", null, 50_000));
    }

    private static final SpendRequested SPEND_REQUESTED = new SpendRequested(WALLET, "org-1", "spr-1", "req-1",
            "user-9", 30_000, "usd", "OpenAI", null, "credits", NOW.plusSeconds(3600), 2, "h");
    private static final AuthorizationDecided USED_IT = decided("iauth_1", 25_000, "OpenAI",
            AuthorizationReason.COVERED_BY_SPEND_REQUEST, "covered by approved spend request spr-1", "spr-1");
    private static final SpendRequestConsumed CONSUMED = new SpendRequestConsumed(WALLET, "spr-1", "iauth_1", 25_000);

    private Object[] spendRequestUsed() {
        return new Object[]{opened(), card(CardStatus.ACTIVE), SPEND_REQUESTED,
                new SpendRequestApproved(WALLET, "spr-1", List.of("op-a", "op-b")), USED_IT, CONSUMED};
    }

    private static RecordAuthorizationFallback fallback(boolean approves) {
        return new RecordAuthorizationFallback(WALLET, "iauth_1", CARD, 25_000, "usd", "OpenAI", "misc", approves,
                NOW);
    }

    private static AuthorizationFallbackAnswered fallbackAnswered(boolean approves) {
        return new AuthorizationFallbackAnswered(WALLET, "org-1", "iauth_1", WalletIds.decisionFor("iauth_1"), CARD,
                25_000, "usd", "OpenAI", "misc", approves, true, POLICY.approvalThreshold(), NOW);
    }

    @Test
    void aDeclinedFallbackReplacingADecisionGivesItsSpendRequestBack() {
        SpendRequestReleased released = new SpendRequestReleased(WALLET, "spr-1", "iauth_1",
                "the fallback declined authorization iauth_1, which had used it");
        fixture.givenCurrentTime(NOW).andGiven(spendRequestUsed()).when(fallback(false)).expectEvents(fallbackAnswered(false), released);
        fixture.givenCurrentTime(NOW).andGiven(spendRequestUsed()).when(fallback(true)).expectEvents(fallbackAnswered(true));
        fixture.givenCurrentTime(NOW).andGiven(spendRequestUsed()).andGiven(fallbackAnswered(false), released)
                .when(authorize("iauth_2", 25_000, "OpenAI"))
                .expectEvents(decided("iauth_2", 25_000, "OpenAI", AuthorizationReason.COVERED_BY_SPEND_REQUEST,
                        "covered by approved spend request spr-1", "spr-1"),
                        new SpendRequestConsumed(WALLET, "spr-1", "iauth_2", 25_000));
    }

    @Test
    void anAuthorizationStripeDeclinedAfterAllGivesItsSpendRequestBackOnce() {
        Instant later = NOW.plusSeconds(5);
        SpendRequestReleased released = new SpendRequestReleased(WALLET, "spr-1", "iauth_1",
                "Stripe declined authorization iauth_1, which had used it (webhook_timeout)");
        AuthorizationOutcomeRecorded declined = new AuthorizationOutcomeRecorded(WALLET, "org-1", "iauth_1", CARD,
                AuthorizationStatus.CLOSED, false, 25_000, "usd", "webhook_timeout", "OpenAI", "misc", true, later);
        fixture.givenCurrentTime(NOW).andGiven(spendRequestUsed())
                .when(new RecordAuthorizationOutcome(WALLET, "iauth_1", CARD, AuthorizationStatus.CLOSED, false,
                        25_000, "usd", "webhook_timeout", "OpenAI", "misc", later))
                .expectEvents(declined, released);
        fixture.givenCurrentTime(NOW).andGiven(spendRequestUsed()).andGiven(declined, released)
                .when(new RecordAuthorizationOutcome(WALLET, "iauth_1", CARD, AuthorizationStatus.CLOSED, false,
                        25_000, "usd", "webhook_timeout", "OpenAI", "misc", later.plusSeconds(5)))
                .expectNoEvents();
    }

    @Test
    void aSpendRequestGivenBackAfterItsExpiryExpiresThen() {
        SpendRequestReleased released = new SpendRequestReleased(WALLET, "spr-1", "iauth_1",
                "the fallback declined authorization iauth_1, which had used it");
        fixture.givenCurrentTime(NOW.plusSeconds(7200)).andGiven(spendRequestUsed())
                .when(fallback(false))
                .expectEvents(fallbackAnswered(false), released,
                        new SpendRequestExpired(WALLET, "spr-1", NOW.plusSeconds(3600)));
    }
}
