package com.opsledger.events.wallet.event;

/**
 * A spend request used by an authorization that Stripe did not approve after all (the fallback declined it, or Stripe
 * declined it for a reason of its own) is approved again, free for the next authorization it covers.
 */
public record SpendRequestReleased(String walletId, String spendRequestId, String authorizationId,
                                   String explanation) {
}
