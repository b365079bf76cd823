package com.opsledger.events.wallet.event;

import com.opsledger.events.OrgScoped;

import java.time.Instant;

/**
 * The platform asked to spend up to {@code amount} (minor units of {@code currency}) at a merchant or in a
 * category until {@code expiresAt}; {@code approvalsRequired} operators (1, or 2 above the dual-control threshold)
 * must approve it. The wallet's organisation is repeated here, so that the request's history names it.
 */
public record SpendRequested(String walletId, String orgId, String spendRequestId, String requestId, String requestedBy,
                             long amount, String currency, String merchantName, String category, String purpose,
                             Instant expiresAt, int approvalsRequired, String contentHash) implements OrgScoped {
}
