package com.opsledger.events.wallet.event;

import com.opsledger.events.OrgScoped;
import com.opsledger.events.wallet.SpendPolicy;

/** The platform opened the wallet of an agent, with its first spend policy. */
public record WalletOpened(String walletId, String agentId, String orgId, String workspaceId, String currency,
                           SpendPolicy policy, String contentHash) implements OrgScoped {
}
