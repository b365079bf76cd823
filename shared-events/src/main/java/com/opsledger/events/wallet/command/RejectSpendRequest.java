package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator rejects a spend request that is still waiting for approval. */
public record RejectSpendRequest(@TargetAggregateIdentifier String walletId, String spendRequestId, String rejecter) {
}
