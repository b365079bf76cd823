package com.opsledger.events.wallet.event;

/** The platform withdrew a spend request before it was used. */
public record SpendRequestCanceled(String walletId, String spendRequestId) {
}
