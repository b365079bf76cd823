package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the wallet, before Stripe is called, whether an operator may open a dispute on one of its transactions
 * ({@code disputeId} null) or submit one of its disputes. Records nothing; the dispute is recorded
 * ({@link RecordDispute}) once Stripe has confirmed it.
 */
public record VerifyDisputeOperation(@TargetAggregateIdentifier String walletId, String transactionId,
                                     String disputeId) {
}
