package com.opsledger.command.wallet;

import com.opsledger.events.RuleViolation;
import com.opsledger.events.wallet.DisputeStatus;
import com.opsledger.events.wallet.SpendPolicy;
import com.opsledger.events.wallet.TransactionType;
import com.opsledger.events.wallet.command.RecordDispute;
import com.opsledger.events.wallet.command.RecordTransaction;
import com.opsledger.events.wallet.command.VerifyDisputeOperation;
import com.opsledger.events.wallet.event.DisputeOpened;
import com.opsledger.events.wallet.event.DisputeStatusChanged;
import com.opsledger.events.wallet.event.TransactionRecorded;
import com.opsledger.events.wallet.event.WalletOpened;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** Transactions recorded once each, and disputes: one per capture, submitted once, closed for good. */
class WalletDisputeTest {

    private static final String WALLET = "wlt-1";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private AggregateTestFixture<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    private static WalletOpened opened() {
        return new WalletOpened(WALLET, "agent-7", "org-1", "ws-1", "usd", new SpendPolicy(50_000, 100_000,
                1_000_000, List.of(), List.of(), 10_000, 20_000), "h");
    }

    private static TransactionRecorded transaction(String id, TransactionType type, long amount) {
        return new TransactionRecorded(WALLET, "org-1", id, "iauth_1", "ic_1", type, amount, "usd", "Shop", "misc",
                NOW);
    }

    private static DisputeOpened disputed(DisputeStatus status) {
        return new DisputeOpened(WALLET, "org-1", "idp_1", "ipi_1", status, 100, "usd", "fraudulent", NOW);
    }

    @Test
    void aTransactionIsRecordedOnce() {
        RecordTransaction record = new RecordTransaction(WALLET, "ipi_1", "iauth_1", "ic_1", TransactionType.CAPTURE,
                -100, "usd", "Shop", "misc", NOW);
        fixture.given(opened()).when(record).expectEvents(transaction("ipi_1", TransactionType.CAPTURE, -100))
                .expectResultMessagePayload(true);
        fixture.given(opened(), transaction("ipi_1", TransactionType.CAPTURE, -100)).when(record).expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aCaptureOfTheWalletMayBeDisputedOnce() {
        fixture.given(opened(), transaction("ipi_1", TransactionType.CAPTURE, -100))
                .when(new VerifyDisputeOperation(WALLET, "ipi_1", null)).expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(), transaction("ipi_1", TransactionType.CAPTURE, -100),
                        disputed(DisputeStatus.UNSUBMITTED))
                .when(new VerifyDisputeOperation(WALLET, "ipi_1", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("transaction ipi_1 is disputed already (idp_1, unsubmitted)");
    }

    @Test
    void aRefundOrAnUnknownTransactionIsNotDisputed() {
        fixture.given(opened(), transaction("ipi_2", TransactionType.REFUND, 100))
                .when(new VerifyDisputeOperation(WALLET, "ipi_2", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("transaction ipi_2 is a refund; only a capture can be disputed");
        fixture.given(opened()).when(new VerifyDisputeOperation(WALLET, "ipi_9", null))
                .expectException(AggregateNotFoundException.class)
                .expectExceptionMessage("no transaction ipi_9 in wallet wlt-1");
    }

    @Test
    void onlyAnUnsubmittedDisputeIsSubmitted() {
        fixture.given(opened(), transaction("ipi_1", TransactionType.CAPTURE, -100),
                        disputed(DisputeStatus.SUBMITTED))
                .when(new VerifyDisputeOperation(WALLET, null, "idp_1"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("dispute idp_1 is submitted; only an unsubmitted one can be submitted");
    }

    @Test
    void aDisputeFollowsStripesLaterReportsAndStaysClosedOnceDecided() {
        fixture.given(opened(), transaction("ipi_1", TransactionType.CAPTURE, -100),
                        disputed(DisputeStatus.SUBMITTED))
                .when(new RecordDispute(WALLET, "idp_1", "ipi_1", DisputeStatus.WON, 100, "usd", "fraudulent",
                        NOW.plusSeconds(60)))
                .expectEvents(new DisputeStatusChanged(WALLET, "idp_1", DisputeStatus.SUBMITTED, DisputeStatus.WON,
                        NOW.plusSeconds(60)));
        fixture.given(opened(), transaction("ipi_1", TransactionType.CAPTURE, -100),
                        disputed(DisputeStatus.SUBMITTED),
                        new DisputeStatusChanged(WALLET, "idp_1", DisputeStatus.SUBMITTED, DisputeStatus.WON,
                                NOW.plusSeconds(60)))
                .when(new RecordDispute(WALLET, "idp_1", "ipi_1", DisputeStatus.LOST, 100, "usd", "fraudulent",
                        NOW.plusSeconds(120)))
                .expectNoEvents().expectResultMessagePayload(false);
    }
}
