package com.opsledger.events.wallet.event;

import java.time.Instant;
import java.util.List;

/**
 * OpsLedger declined a real-time authorization request of impossible values without deciding it (a negative or
 * non-integer amount, a missing id, text the database cannot store); {@code faults} says what was wrong.
 */
public record InvalidAuthorizationDeclined(String requestId, String decisionId, String authorizationId,
                                           String namedWalletId, List<String> faults, Instant receivedAt) {
}
