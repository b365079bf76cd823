package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Stripe asks to authorize a card that no wallet holds (its metadata names none, or a wallet that does not exist):
 * declined, and recorded under the authorization's own id. Asked again, the same answer.
 */
public record DeclineUnmatchedAuthorization(@TargetAggregateIdentifier String authorizationId, String cardId,
                                            String namedWalletId, long amount, String currency, String merchantName,
                                            String category, Instant receivedAt) {
}
