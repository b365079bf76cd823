package com.opsledger.events.wallet.event;

import java.time.Instant;

/** A spend request reached its expiry unused, approved or not. */
public record SpendRequestExpired(String walletId, String spendRequestId, Instant expiresAt) {
}
