package com.opsledger.events.wallet.event;

import com.opsledger.events.OrgScoped;
import com.opsledger.events.wallet.DisputeStatus;

import java.time.Instant;

/** A dispute was opened on a transaction of the wallet (by an operator through Stripe, or reported by Stripe). */
public record DisputeOpened(String walletId, String orgId, String disputeId, String transactionId,
                            DisputeStatus status, long amount, String currency, String reason, Instant observedAt) implements OrgScoped {
}
