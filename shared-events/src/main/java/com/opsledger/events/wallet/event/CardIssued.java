package com.opsledger.events.wallet.event;

import com.opsledger.events.wallet.CardStatus;

import java.time.Instant;

/**
 * A Stripe Issuing card became the wallet's: issued by an operator through Stripe, or reported by Stripe for this
 * wallet. {@code observedAt} is the time of Stripe's report the status comes from.
 */
public record CardIssued(String walletId, String cardId, String cardholderId, String last4, String currency,
                         CardStatus status, String cancellationReason, Instant observedAt) {
}
