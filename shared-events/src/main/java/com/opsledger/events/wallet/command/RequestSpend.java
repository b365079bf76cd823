package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The platform asks, for the wallet's agent, to spend up to {@code amount} at a merchant (by name) or in a merchant
 * category, or both, until {@code expiresAt}. The same request id again with the same content is a no-op.
 *
 * @param requestedBy the user of the organisation who asked; never an approver of it
 * @param requestedAt when the platform's call arrived, for the rules about the expiry
 */
public record RequestSpend(@TargetAggregateIdentifier String walletId, String spendRequestId, String requestId,
                           String requestedBy, long amount, String currency, String merchantName, String category,
                           String purpose, Instant expiresAt, Instant requestedAt, String contentHash) {
}
