package com.opsledger.events.wallet.event;

/** The first of two operators approved a spend request under dual control; it waits for a second one. */
public record SpendApprovalRecorded(String walletId, String spendRequestId, String approver) {
}
