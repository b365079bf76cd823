package com.opsledger.events.wallet.event;

import java.util.List;

/** The last approval a spend request needed was given; {@code approvers} in the order they approved. */
public record SpendRequestApproved(String walletId, String spendRequestId, List<String> approvers) {

    public SpendRequestApproved {
        approvers = List.copyOf(approvers);
    }
}
