package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The platform withdraws a spend request that was not used; canceling a canceled one again is a no-op. */
public record CancelSpendRequest(@TargetAggregateIdentifier String walletId, String spendRequestId) {
}
