package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An operator approves a spend request; under dual control a second, different operator must approve as well. */
public record ApproveSpendRequest(@TargetAggregateIdentifier String walletId, String spendRequestId, String approver,
                                  Instant at) {
}
