package com.opsledger.events.wallet.event;

/** An approved spend request was used by the authorization it covered; it covers nothing else after. */
public record SpendRequestConsumed(String walletId, String spendRequestId, String authorizationId, long amount) {
}
