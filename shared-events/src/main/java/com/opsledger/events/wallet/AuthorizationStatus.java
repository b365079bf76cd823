package com.opsledger.events.wallet;

/**
 * A Stripe Issuing authorization's status as Stripe reports it: pending while the amount is held, closed once
 * captured (or declined), reversed by the merchant, expired uncaptured.
 */
public enum AuthorizationStatus {
    PENDING, CLOSED, REVERSED, EXPIRED;

    /** Whether the authorization's amount still holds, or was spent, against the wallet's budget. */
    public boolean counts(boolean approved) {
        return approved && (this == PENDING || this == CLOSED);
    }
}
