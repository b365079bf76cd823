package com.opsledger.events.wallet.event;

import java.time.Instant;

/**
 * OpsLedger declined an authorization on a card that no wallet holds; {@code namedWalletId} is what the card's
 * metadata named, if anything.
 */
public record UnmatchedAuthorizationDeclined(String authorizationId, String decisionId, String cardId,
                                             String namedWalletId, long amount, String currency, String merchantName,
                                             String category, String explanation, Instant receivedAt) {
}
