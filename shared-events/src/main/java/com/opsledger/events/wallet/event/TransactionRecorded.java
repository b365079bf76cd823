package com.opsledger.events.wallet.event;

import com.opsledger.events.OrgScoped;
import com.opsledger.events.wallet.TransactionType;

import java.time.Instant;

/**
 * Stripe reported a transaction of the wallet's card, linked to its authorization (absent for a capture without
 * one). {@code amount} as Stripe signs it: negative for a capture, positive for a refund.
 */
public record TransactionRecorded(String walletId, String orgId, String transactionId, String authorizationId,
                                  String cardId, TransactionType type, long amount, String currency,
                                  String merchantName, String category, Instant createdAt) implements OrgScoped {
}
