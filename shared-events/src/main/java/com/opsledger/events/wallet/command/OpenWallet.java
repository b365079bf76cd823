package com.opsledger.events.wallet.command;

import com.opsledger.events.wallet.SpendPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the wallet of an agent with its first spend policy; the same agent again with the same content is a no-op. */
public record OpenWallet(@TargetAggregateIdentifier String walletId, String agentId, String orgId, String workspaceId,
                         String currency, SpendPolicy policy, String contentHash) {
}
