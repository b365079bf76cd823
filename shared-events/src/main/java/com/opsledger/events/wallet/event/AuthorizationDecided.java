package com.opsledger.events.wallet.event;

import com.opsledger.events.OrgScoped;
import com.opsledger.events.wallet.AuthorizationReason;

import java.time.Instant;

/**
 * OpsLedger answered Stripe's real-time request for an authorization on the wallet's card: approved or declined for
 * {@code reason}, in operator words in {@code explanation}; when approved, the amount is held against the wallet's
 * daily and monthly budget of the decision's UTC day. {@code spendRequestId} names the spend request it used.
 *
 * @param approvalThreshold the policy's approval threshold the decision was taken under
 * @param receivedAt        when Stripe's request arrived; the event's own time is when it was decided
 */
public record AuthorizationDecided(String walletId, String orgId, String authorizationId, String decisionId,
                                   String cardId,
                                   long amount, String currency, String merchantName, String category,
                                   boolean approved, AuthorizationReason reason, String explanation,
                                   String spendRequestId, long approvalThreshold, Instant receivedAt) implements OrgScoped {
}
