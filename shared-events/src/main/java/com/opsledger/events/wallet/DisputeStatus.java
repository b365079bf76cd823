package com.opsledger.events.wallet;

/** A Stripe Issuing dispute: opened (unsubmitted), submitted to the network, then won, lost or expired. */
public enum DisputeStatus {
    UNSUBMITTED, SUBMITTED, WON, LOST, EXPIRED;

    public boolean isOpen() {
        return this == UNSUBMITTED || this == SUBMITTED;
    }
}
