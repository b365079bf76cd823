package com.opsledger.events.wallet.event;

import com.opsledger.events.OrgScoped;

import java.time.Instant;

/**
 * Stripe got the fallback answer ({@code approved}) for an authorization, because no decision came in time. It
 * replaces any decision recorded meanwhile ({@code decidedMeanwhile}): the budget holds the amount only if the
 * fallback approved it.
 */
public record AuthorizationFallbackAnswered(String walletId, String orgId, String authorizationId, String decisionId,
                                            String cardId,
                                            long amount, String currency, String merchantName, String category,
                                            boolean approved, boolean decidedMeanwhile, long approvalThreshold,
                                            Instant receivedAt) implements OrgScoped {
}
