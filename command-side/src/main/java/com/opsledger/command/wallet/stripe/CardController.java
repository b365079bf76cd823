package com.opsledger.command.wallet.stripe;

import com.opsledger.command.CallsOut;
import com.opsledger.command.CommandAccepted;
import com.opsledger.command.CommandSender;
import com.opsledger.command.EventPositions;
import com.opsledger.events.wallet.CardStatus;
import com.opsledger.events.wallet.WalletIds;
import com.opsledger.events.wallet.command.RecordCard;
import com.opsledger.events.wallet.command.VerifyCardOperation;
import com.stripe.model.issuing.Card;
import com.stripe.model.issuing.Cardholder;
import com.stripe.param.issuing.CardUpdateParams;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;

/**
 * Operators create a wallet's Stripe Issuing cardholder and issue, freeze, unfreeze and cancel its cards here. The
 * wallet is asked first whether it allows the operation; then Stripe is called; the change is recorded only once
 * Stripe has confirmed it.
 */
@RestController
@RequestMapping("/api/v1/admin/agent-wallet/wallets/{walletId}")
@CallsOut("Stripe")
class CardController {

    private static final int MAX_REASON = 2000;
    private static final String REQUEST_ID = "[A-Za-z0-9_-]{1,100}";

    /** {@code requestId} names this issue request: repeated, Stripe returns the card it made the first time. */
    record IssueRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "ich_[A-Za-z0-9]+") String cardholderId,
                        @NotBlank @Pattern(regexp = REQUEST_ID) String requestId,
                        @Size(max = MAX_REASON) String reason) {
    }

    record CardIssuedReceipt(String walletId, String cardId, String last4, String status, long position) {
    }

    record StatusChange(@Pattern(regexp = REQUEST_ID) String requestId,
                        @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    record Cancel(@Pattern(regexp = REQUEST_ID) String requestId, CardUpdateParams.CancellationReason lostOrStolen,
                  @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    private final CommandSender commands;
    private final StripeIssuing stripe;
    private final EventPositions positions;
    private final Clock clock;

    CardController(CommandSender commands, StripeIssuing stripe, EventPositions positions, Clock clock) {
        this.commands = commands;
        this.stripe = stripe;
        this.positions = positions;
        this.clock = clock;
    }

    /** The cardholder's legal details as Stripe requires them; {@code requestId} as for issuing a card. */
    record CardholderRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String email,
                             boolean company, @NotNull @Valid Billing billing,
                             @NotBlank @Pattern(regexp = REQUEST_ID) String requestId,
                             @Size(max = MAX_REASON) String reason) {
    }

    record Billing(@NotBlank @Size(max = 200) String line1, @NotBlank @Size(max = 100) String city,
                   @NotBlank @Size(max = 20) String postalCode, @NotNull @Pattern(regexp = "[A-Z]{2}") String country,
                   @Size(max = 100) String state) {
    }

    record CardholderReceipt(String walletId, String cardholderId, String status, long position) {
    }

    @Operation(summary = "Create a cardholder",
            description = "Creates the Stripe Issuing cardholder the wallet's cards are issued to. 201 once Stripe "
                    + "has confirmed it; idempotent per requestId.")
    @PostMapping("/cardholders")
    @ResponseStatus(HttpStatus.CREATED)
    CardholderReceipt createCardholder(@PathVariable String walletId,
                                                       @Valid @RequestBody CardholderRequest body) {
        verify(walletId, null, null);
        Billing b = body.billing();
        Cardholder cardholder = stripe.createCardholder(walletId, body.name(), body.email(), body.company(),
                new StripeIssuing.Address(b.line1(), b.city(), b.postalCode(), b.country(), b.state()),
                body.requestId());
        commands.send(StripeWebhookController.cardholderRecord(walletId, cardholder,
                clock.instant().truncatedTo(ChronoUnit.SECONDS)), body.reason());
        return new CardholderReceipt(walletId, cardholder.getId(), cardholder.getStatus(),
                positions.lastPositionOf(walletId));
    }

    @Operation(summary = "Issue a virtual card",
            description = "Issues an active virtual card to the cardholder, bound to the wallet (its metadata names "
                    + "the wallet). 201 once Stripe has confirmed it; idempotent per requestId.")
    @PostMapping("/cards")
    @ResponseStatus(HttpStatus.CREATED)
    CardIssuedReceipt issue(@PathVariable String walletId, @Valid @RequestBody IssueRequest body) {
        String currency = verify(walletId, null, null);
        Card card = stripe.issue(walletId, body.cardholderId(), currency, body.requestId());
        record(walletId, card, body.reason());
        return new CardIssuedReceipt(walletId, card.getId(), card.getLast4(), card.getStatus(),
                positions.lastPositionOf(walletId));
    }

    @Operation(summary = "Freeze a card",
            description = "Authorizations on a frozen card are declined until it is unfrozen.")
    @PostMapping("/cards/{cardId}/freeze")
    CommandAccepted freeze(@PathVariable String walletId, @PathVariable String cardId,
                           @Valid @RequestBody StatusChange body) {
        return change(walletId, cardId, CardStatus.INACTIVE, null, body.requestId(), body.reason());
    }

    @Operation(summary = "Unfreeze a card",
            description = "Makes a frozen card active again; a canceled card never changes again.")
    @PostMapping("/cards/{cardId}/unfreeze")
    CommandAccepted unfreeze(@PathVariable String walletId, @PathVariable String cardId,
                             @Valid @RequestBody StatusChange body) {
        return change(walletId, cardId, CardStatus.ACTIVE, null, body.requestId(), body.reason());
    }

    @Operation(summary = "Cancel a card",
            description = "Cancels the card for good, saying whether it was lost or stolen.")
    @PostMapping("/cards/{cardId}/cancel")
    CommandAccepted cancel(@PathVariable String walletId, @PathVariable String cardId,
                           @Valid @RequestBody Cancel body) {
        return change(walletId, cardId, CardStatus.CANCELED, body.lostOrStolen(), body.requestId(), body.reason());
    }

    private CommandAccepted change(String walletId, String cardId, CardStatus status,
                                   CardUpdateParams.CancellationReason lostOrStolen, String requestId, String reason) {
        verify(walletId, cardId, status);
        Card card = stripe.setStatus(cardId, status, lostOrStolen,
                requestId == null ? UUID.randomUUID().toString() : requestId);
        record(walletId, card, reason);
        return new CommandAccepted(walletId, positions.lastPositionOf(walletId));
    }

    private String verify(String walletId, String cardId, CardStatus status) {
        WalletIds.requireWallet(walletId);
        return commands.send(new VerifyCardOperation(walletId, cardId, status));
    }

    /** The card as Stripe's answer has it, observed now (to the second, as Stripe's own events are). */
    private void record(String walletId, Card card, String reason) {
        CardStatus status = StripeWebhookController.enumOf(CardStatus.class, card.getStatus()).orElseThrow(
                () -> new IllegalStateException("Stripe answered card status " + card.getStatus()));
        Instant observedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        commands.send(new RecordCard(walletId, card.getId(),
                card.getCardholder() == null ? null : card.getCardholder().getId(), card.getLast4(),
                card.getCurrency(), status, card.getCancellationReason(), observedAt), reason);
    }
}
