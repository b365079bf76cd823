package com.opsledger.events.wallet;

/** A Stripe Issuing transaction: money taken for an authorization (capture) or given back (refund). */
public enum TransactionType {
    CAPTURE, REFUND
}
