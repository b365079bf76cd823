package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * OpsLedger could not decide an authorization in Stripe's time and answered with the configured fallback
 * ({@code approved}); the wallet records the answer Stripe actually got, whether or not a decision came later.
 */
public record RecordAuthorizationFallback(@TargetAggregateIdentifier String walletId, String authorizationId,
                                          String cardId, long amount, String currency, String merchantName,
                                          String category, boolean approved, Instant receivedAt) {
}
