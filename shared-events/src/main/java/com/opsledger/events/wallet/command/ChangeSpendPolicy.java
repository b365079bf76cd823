package com.opsledger.events.wallet.command;

import com.opsledger.events.wallet.SpendPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator replaces the wallet's spend policy (with a reason, in the metadata). */
public record ChangeSpendPolicy(@TargetAggregateIdentifier String walletId, SpendPolicy policy) {
}
