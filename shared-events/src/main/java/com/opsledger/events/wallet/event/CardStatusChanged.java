package com.opsledger.events.wallet.event;

import com.opsledger.events.wallet.CardStatus;

import java.time.Instant;

/** Stripe reported (or confirmed an operator's change of) a card's status: frozen, active again, or canceled. */
public record CardStatusChanged(String walletId, String cardId, CardStatus previous, CardStatus status,
                                String cancellationReason, Instant observedAt) {
}
