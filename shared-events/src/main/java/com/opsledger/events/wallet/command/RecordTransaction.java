package com.opsledger.events.wallet.command;

import com.opsledger.events.wallet.TransactionType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records a Stripe Issuing transaction of the wallet's card ({@code issuing_transaction.created}), once per
 * transaction id. {@code amount} is Stripe's, signed as Stripe signs it: negative for a capture (money out of the
 * balance), positive for a refund.
 */
public record RecordTransaction(@TargetAggregateIdentifier String walletId, String transactionId,
                                String authorizationId, String cardId, TransactionType type, long amount,
                                String currency, String merchantName, String category, Instant createdAt) {
}
