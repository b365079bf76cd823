package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Stripe asks, in real time, whether the wallet's card may be charged {@code amount} (minor units of
 * {@code currency}) at a merchant. Asked again for the same authorization, the wallet gives the same answer.
 *
 * @param receivedAt when Stripe's request reached OpsLedger: the decision's latency is measured from it
 */
public record DecideAuthorization(@TargetAggregateIdentifier String walletId, String authorizationId, String cardId,
                                  long amount, String currency, String merchantName, String category,
                                  Instant receivedAt) {
}
