package com.opsledger.events.wallet.event;

import com.opsledger.events.OrgScoped;
import com.opsledger.events.wallet.AuthorizationStatus;

import java.time.Instant;

/**
 * Stripe reported an authorization of the wallet's card: its status, whether Stripe approved it, its amount (captured,
 * once closed) and Stripe's reason when declined. {@code decidedByOpsLedger} is false for one Stripe settled without
 * asking (its own spending controls, an inactive card). The budget counts {@code amount} while the authorization is
 * approved and pending or closed, nothing once declined, reversed or expired.
 */
public record AuthorizationOutcomeRecorded(String walletId, String orgId, String authorizationId, String cardId,
                                           AuthorizationStatus status, boolean approved, long amount, String currency,
                                           String stripeReason, String merchantName, String category,
                                           boolean decidedByOpsLedger, Instant observedAt) implements OrgScoped {
}
