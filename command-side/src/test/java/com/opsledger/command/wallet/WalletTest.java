package com.opsledger.command.wallet;

import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.RuleViolation;
import com.opsledger.events.wallet.SpendPolicy;
import com.opsledger.events.wallet.command.ApproveSpendRequest;
import com.opsledger.events.wallet.command.CancelSpendRequest;
import com.opsledger.events.wallet.command.ChangeSpendPolicy;
import com.opsledger.events.wallet.command.OpenWallet;
import com.opsledger.events.wallet.command.RejectSpendRequest;
import com.opsledger.events.wallet.command.RequestSpend;
import com.opsledger.events.wallet.event.SpendApprovalRecorded;
import com.opsledger.events.wallet.event.SpendPolicyChanged;
import com.opsledger.events.wallet.event.SpendRequestApproved;
import com.opsledger.events.wallet.event.SpendRequestCanceled;
import com.opsledger.events.wallet.event.SpendRequestExpired;
import com.opsledger.events.wallet.event.SpendRequestRejected;
import com.opsledger.events.wallet.event.SpendRequested;
import com.opsledger.events.wallet.event.WalletOpened;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;


class WalletTest {

    private static final String WALLET = "wlt-1";
    private static final String REQUEST = "spr-1";
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(4));
    /** Up to 500.00 a payment; a spend request above 1,000.00 needs two approvers. */
    private static final SpendPolicy POLICY = new SpendPolicy(50_000, 100_000, 1_000_000,
            List.of(), List.of("gambling"), 10_000, 20_000);

    private AggregateTestFixture<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    private static WalletOpened opened() {
        return new WalletOpened(WALLET, "agent-7", "org-1", "ws-1", "usd", POLICY, "h-wallet");
    }

    private static RequestSpend request(long amount) {
        return new RequestSpend(WALLET, REQUEST, "req-1", "user-9", amount, "usd", "OpenAI", null, "API credits",
                EXPIRES, NOW, "h-" + amount);
    }

    private static SpendRequested requested(long amount, int approvals) {
        return new SpendRequested(WALLET, "org-1", REQUEST, "req-1", "user-9", amount, "usd", "OpenAI", null, "API credits",
                EXPIRES, approvals, "h-" + amount);
    }

    private static ApproveSpendRequest approve(String approver) {
        return new ApproveSpendRequest(WALLET, REQUEST, approver, NOW.plusSeconds(60));
    }

    @Test
    void aWalletIsOpenedOnceForItsAgent() {
        OpenWallet open = new OpenWallet(WALLET, "agent-7", "org-1", "ws-1", "usd", POLICY, "h-wallet");
        fixture.givenNoPriorActivity().when(open).expectEvents(opened()).expectResultMessagePayload(true);
        fixture.given(opened()).when(open).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void openingTheSameAgentsWalletWithOtherDetailsIsRejected() {
        fixture.given(opened())
                .when(new OpenWallet(WALLET, "agent-7", "org-1", "ws-1", "eur", POLICY, "h-other"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the wallet of agent 'agent-7' is open already, with other details;"
                        + " change its policy instead");
    }

    @Test
    void anOperatorChangesThePolicyAndThePreviousOneIsRecordedWithIt() {
        SpendPolicy tighter = new SpendPolicy(10_000, 50_000, 500_000, List.of("computer_software_stores"),
                List.of(), 5_000, 20_000);
        fixture.given(opened()).when(new ChangeSpendPolicy(WALLET, tighter))
                .expectEvents(new SpendPolicyChanged(WALLET, POLICY, tighter));
        fixture.given(opened()).when(new ChangeSpendPolicy(WALLET, POLICY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the wallet's spend policy is that already");
    }

    @Test
    void aSpendRequestIsRecordedWithItsExpiryScheduled() {
        fixture.given(opened()).when(request(15_000))
                .expectEvents(requested(15_000, 1))
                .expectResultMessagePayload(true)
                .expectScheduledDeadlineWithName(Duration.between(fixture.currentTime(), EXPIRES),
                        Wallet.SPEND_REQUEST_EXPIRY);
    }

    @Test
    void aSpendRequestAboveTheDualControlThresholdNeedsTwoApprovals() {
        fixture.given(opened()).when(request(20_001)).expectEvents(requested(20_001, 2));
        fixture.given(opened()).when(request(20_000)).expectEvents(requested(20_000, 1));
    }

    @Test
    void theSameRequestAgainIsANoOpAndAReusedIdIsRejected() {
        fixture.given(opened(), requested(15_000, 1)).when(request(15_000))
                .expectNoEvents().expectResultMessagePayload(false).expectNoScheduledDeadlines();
        fixture.given(opened(), requested(15_000, 1)).when(request(16_000))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("spend request id 'req-1' was already used for a different request");
    }

    @Test
    void aRequestThePolicyCouldNeverAllowIsRejected() {
        fixture.given(opened()).when(request(50_001))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("amount 50001 is over the wallet's per-authorization limit of 50000 by 1");
        fixture.given(opened())
                .when(new RequestSpend(WALLET, REQUEST, "req-1", "user-9", 1_000, "usd", null, "gambling", "chips",
                        EXPIRES, NOW, "h"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("merchant category gambling is blocked by the wallet's policy");
        fixture.given(opened())
                .when(new RequestSpend(WALLET, REQUEST, "req-1", "user-9", 1_000, "eur", "OpenAI", null, "x",
                        EXPIRES, NOW, "h"))
                .expectException(RuleViolation.class).expectExceptionMessage("the wallet spends usd, not eur");
    }

    @Test
    void anExpiryInThePastOrTooFarAheadIsRejected() {
        fixture.given(opened())
                .when(new RequestSpend(WALLET, REQUEST, "req-1", "user-9", 1_000, "usd", "OpenAI", null, "x",
                        NOW, NOW, "h"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the request expires at 2026-12-02T08:00:00Z, which has passed");
        fixture.given(opened())
                .when(new RequestSpend(WALLET, REQUEST, "req-1", "user-9", 1_000, "usd", "OpenAI", null, "x",
                        NOW.plus(Duration.ofDays(91)), NOW, "h"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a spend request may stay open for at most 90 days");
    }

    @Test
    void oneOperatorApprovesASingleControlRequest() {
        fixture.given(opened(), requested(15_000, 1)).when(approve("op-alice"))
                .expectEvents(new SpendRequestApproved(WALLET, REQUEST, List.of("op-alice")));
    }

    @Test
    void theRequesterNeverApproves() {
        fixture.given(opened(), requested(15_000, 1)).when(approve("user-9"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the approver is the requester: user-9 asked for this spend and cannot"
                        + " approve it");
    }

    @Test
    void dualControlNeedsTwoDifferentOperators() {
        fixture.given(opened(), requested(30_000, 2)).when(approve("op-alice"))
                .expectEvents(new SpendApprovalRecorded(WALLET, REQUEST, "op-alice"));
        fixture.given(opened(), requested(30_000, 2), new SpendApprovalRecorded(WALLET, REQUEST, "op-alice"))
                .when(approve("op-alice"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("op-alice approved this spend request already; a second, different operator"
                        + " must approve it");
        fixture.given(opened(), requested(30_000, 2), new SpendApprovalRecorded(WALLET, REQUEST, "op-alice"))
                .when(approve("op-bob"))
                .expectEvents(new SpendRequestApproved(WALLET, REQUEST, List.of("op-alice", "op-bob")));
    }

    @Test
    void anApprovedRejectedOrCanceledRequestIsNotApprovedAgain() {
        fixture.given(opened(), requested(15_000, 1), new SpendRequestApproved(WALLET, REQUEST, List.of("op-alice")))
                .when(approve("op-bob"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("spend request spr-1 is approved; only a requested one can be approved");
        fixture.given(opened(), requested(15_000, 1), new SpendRequestRejected(WALLET, REQUEST, "op-alice"))
                .when(approve("op-bob"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("spend request spr-1 is rejected; only a requested one can be approved");
    }

    @Test
    void aRequestPastItsExpiryIsNotApprovedEvenBeforeTheDeadlineFired() {
        fixture.given(opened(), requested(15_000, 1))
                .when(new ApproveSpendRequest(WALLET, REQUEST, "op-alice", EXPIRES))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("spend request spr-1 expired at " + EXPIRES);
    }

    @Test
    void anUnknownSpendRequestIsNotFound() {
        fixture.given(opened()).when(new ApproveSpendRequest(WALLET, "spr-none", "op-alice", NOW))
                .expectException(AggregateNotFoundException.class)
                .expectExceptionMessage("no spend request spr-none in wallet wlt-1");
    }

    @Test
    void anOperatorRejectsAWaitingRequestEvenAfterAFirstApproval() {
        fixture.given(opened(), requested(30_000, 2), new SpendApprovalRecorded(WALLET, REQUEST, "op-alice"))
                .when(new RejectSpendRequest(WALLET, REQUEST, "op-bob"))
                .expectEvents(new SpendRequestRejected(WALLET, REQUEST, "op-bob"));
    }

    @Test
    void thePlatformCancelsAnOpenRequestOnce() {
        fixture.given(opened(), requested(15_000, 1), new SpendRequestApproved(WALLET, REQUEST, List.of("op-alice")))
                .when(new CancelSpendRequest(WALLET, REQUEST))
                .expectEvents(new SpendRequestCanceled(WALLET, REQUEST)).expectResultMessagePayload(true);
        fixture.given(opened(), requested(15_000, 1), new SpendRequestCanceled(WALLET, REQUEST))
                .when(new CancelSpendRequest(WALLET, REQUEST))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(opened(), requested(15_000, 1), new SpendRequestRejected(WALLET, REQUEST, "op-alice"))
                .when(new CancelSpendRequest(WALLET, REQUEST))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("spend request spr-1 is rejected; only a requested or approved one can be"
                        + " canceled");
    }

    @Test
    void anOpenRequestExpiresAtItsDeadlineAsTheWalletsOwnAct() {
        fixture.given(opened()).andGivenCommands(request(15_000))
                .whenThenTimeAdvancesTo(EXPIRES)
                .expectDeadlinesMet(new Wallet.SpendRequestExpiryDue(REQUEST))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.predicate((EventMessage<?> e) ->
                                e.getPayload().equals(new SpendRequestExpired(WALLET, REQUEST, EXPIRES))
                                        && Wallet.ACTOR.equals(e.getMetaData().get(MetaDataKeys.ACTOR))),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aClosedRequestIsLeftAloneWhenItsDeadlineFires() {
        fixture.given(opened()).andGivenCommands(request(15_000), new RejectSpendRequest(WALLET, REQUEST, "op-a"))
                .whenThenTimeAdvancesTo(EXPIRES)
                .expectDeadlinesMet(new Wallet.SpendRequestExpiryDue(REQUEST))
                .expectNoEvents();
    }
}
