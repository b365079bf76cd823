package com.opsledger.events.wallet.event;

/** An operator rejected a spend request (their reason is in the metadata). */
public record SpendRequestRejected(String walletId, String spendRequestId, String rejecter) {
}
