package com.opsledger.events.wallet.event;

import com.opsledger.events.wallet.SpendPolicy;

/**
 * An operator replaced the wallet's spend policy (their reason is in the metadata). Spend requests made before keep
 * the number of approvals they were asked for.
 */
public record SpendPolicyChanged(String walletId, SpendPolicy previous, SpendPolicy policy) {
}
