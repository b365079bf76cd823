package com.opsledger.events.wallet.command;

import com.opsledger.events.wallet.CardStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the wallet, before Stripe is called, whether an operator's card operation is one it allows: a new card
 * ({@code cardId} null) for an open wallet, or a card of this wallet moving to {@code status}. Records nothing; the
 * change is recorded ({@link RecordCard}) once Stripe has confirmed it.
 */
public record VerifyCardOperation(@TargetAggregateIdentifier String walletId, String cardId, CardStatus status) {
}
