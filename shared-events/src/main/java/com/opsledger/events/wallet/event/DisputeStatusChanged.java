package com.opsledger.events.wallet.event;

import com.opsledger.events.wallet.DisputeStatus;

import java.time.Instant;

/** Stripe reported a dispute submitted, won, lost or expired. */
public record DisputeStatusChanged(String walletId, String disputeId, DisputeStatus previous, DisputeStatus status,
                                   Instant observedAt) {
}
