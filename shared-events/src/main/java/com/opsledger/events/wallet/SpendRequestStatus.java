package com.opsledger.events.wallet;

/**
 * Where a spend request is: requested, then approved, rejected, expired or canceled; an approved one is consumed by
 * the authorization that uses it. Under dual control a request stays requested after its first approval.
 */
public enum SpendRequestStatus {
    REQUESTED, APPROVED, REJECTED, EXPIRED, CANCELED, CONSUMED;

    /** Still waiting for an operator, or approved and not yet used: expiry and cancel apply. */
    public boolean isOpen() {
        return this == REQUESTED || this == APPROVED;
    }
}
