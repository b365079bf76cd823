package com.opsledger.events.wallet.command;

import com.opsledger.events.wallet.CardStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records a Stripe Issuing card of the wallet as Stripe reported it at {@code observedAt} (the Stripe event's time,
 * or the API answer's): new, with another status, or as known already (a no-op). A report older than the one the
 * wallet has is ignored, so reports arriving out of order end in the same state.
 */
public record RecordCard(@TargetAggregateIdentifier String walletId, String cardId, String cardholderId, String last4,
                         String currency, CardStatus status, String cancellationReason, Instant observedAt) {
}
