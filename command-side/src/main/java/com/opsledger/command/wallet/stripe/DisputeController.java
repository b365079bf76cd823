package com.opsledger.command.wallet.stripe;

import com.opsledger.command.CallsOut;
import com.opsledger.command.CommandAccepted;
import com.opsledger.command.CommandSender;
import com.opsledger.command.EventPositions;
import com.opsledger.events.WireName;
import com.opsledger.events.wallet.DisputeStatus;
import com.opsledger.events.wallet.WalletIds;
import com.opsledger.events.wallet.command.RecordDispute;
import com.opsledger.events.wallet.command.VerifyDisputeOperation;
import com.stripe.model.issuing.Dispute;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Operators dispute a wallet's card transactions through Stripe here: open a dispute with evidence, then submit it.
 * As for cards, the wallet is asked first, Stripe is called, and the dispute is recorded once Stripe confirms.
 */
@RestController
@RequestMapping("/api/v1/admin/agent-wallet/wallets/{walletId}")
@CallsOut("Stripe")
class DisputeController {

    /** Stripe's dispute reasons that take an explanation alone as evidence. */
    enum Reason { FRAUDULENT, NOT_RECEIVED, DUPLICATE, CANCELED, OTHER }

    record DisputeRequest(@NotNull Reason reason, @NotBlank @Size(max = 2000) String explanation) {
    }

    record Submit(@Size(max = 2000) String reason) {
    }

    record DisputeReceipt(String walletId, String disputeId, String transactionId, String status, long position) {
    }

    private final CommandSender commands;
    private final StripeIssuing stripe;
    private final EventPositions positions;
    private final Clock clock;

    DisputeController(CommandSender commands, StripeIssuing stripe, EventPositions positions, Clock clock) {
        this.commands = commands;
        this.stripe = stripe;
        this.positions = positions;
        this.clock = clock;
    }

    /** Opens a dispute on a capture of the wallet; the explanation becomes Stripe's evidence (and the reason). */
    @Operation(summary = "Dispute a card transaction",
            description = "Opens a Stripe Issuing dispute on a capture of the wallet, with the reason and an "
                    + "explanation as evidence. 201 once Stripe has confirmed it; Stripe refusing is a 409 with its "
                    + "message, Stripe failing a 502, and nothing is recorded then.")
    @PostMapping("/transactions/{transactionId}/dispute")
    @ResponseStatus(HttpStatus.CREATED)
    DisputeReceipt open(@PathVariable String walletId, @PathVariable String transactionId,
                                        @Valid @RequestBody DisputeRequest body) {
        verify(walletId, transactionId, null);
        Dispute dispute = stripe.openDispute(walletId, transactionId, WireName.of(body.reason()),
                body.explanation());
        record(walletId, dispute, body.explanation());
        return new DisputeReceipt(walletId, dispute.getId(), transactionId, dispute.getStatus(),
                positions.lastPositionOf(walletId));
    }

    @Operation(summary = "Submit a dispute",
            description = "Submits an unsubmitted dispute of the wallet to Stripe.")
    @PostMapping("/disputes/{disputeId}/submit")
    CommandAccepted submit(@PathVariable String walletId, @PathVariable String disputeId,
                           @Valid @RequestBody(required = false) Submit body) {
        verify(walletId, null, disputeId);
        record(walletId, stripe.submitDispute(disputeId), body == null ? null : body.reason());
        return new CommandAccepted(walletId, positions.lastPositionOf(walletId));
    }

    private void verify(String walletId, String transactionId, String disputeId) {
        WalletIds.requireWallet(walletId);
        commands.send(new VerifyDisputeOperation(walletId, transactionId, disputeId));
    }

    private void record(String walletId, Dispute dispute, String reason) {
        DisputeStatus status = StripeWebhookController.enumOf(DisputeStatus.class, dispute.getStatus()).orElseThrow(
                () -> new IllegalStateException("Stripe answered dispute status " + dispute.getStatus()));
        Instant observedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        commands.send(new RecordDispute(walletId, dispute.getId(), dispute.getTransaction(), status,
                dispute.getAmount() == null ? 0 : dispute.getAmount(), dispute.getCurrency(),
                dispute.getEvidence() == null ? null : dispute.getEvidence().getReason(), observedAt), reason);
    }
}
