package com.opsledger.command.wallet;

import com.opsledger.events.wallet.SpendRequestStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A spend request as its wallet keeps it: only what the wallet's rules read, replaced by each of its events. */
record SpendRequest(String requestedBy, String contentHash, long amount, String merchantName, String category,
                    Instant expiresAt, int approvalsRequired, List<String> approvers, SpendRequestStatus status) {

    SpendRequest {
        approvers = List.copyOf(approvers);
    }

    static SpendRequest requested(String requestedBy, String contentHash, long amount, String merchantName,
                                  String category, Instant expiresAt, int approvalsRequired) {
        return new SpendRequest(requestedBy, contentHash, amount, merchantName, category, expiresAt,
                approvalsRequired, List.of(), SpendRequestStatus.REQUESTED);
    }

    /** The approvers with {@code approver} added. */
    List<String> approversWith(String approver) {
        List<String> all = new ArrayList<>(approvers);
        all.add(approver);
        return all;
    }

    SpendRequest withApprovers(List<String> approvers) {
        return new SpendRequest(requestedBy, contentHash, amount, merchantName, category, expiresAt,
                approvalsRequired, approvers, status);
    }

    SpendRequest withStatus(SpendRequestStatus status) {
        return new SpendRequest(requestedBy, contentHash, amount, merchantName, category, expiresAt,
                approvalsRequired, approvers, status);
    }
}
