package com.opsledger.events.wallet;

/** A Stripe Issuing card's status: {@code inactive} is a frozen card, {@code canceled} is final. */
public enum CardStatus {
    ACTIVE, INACTIVE, CANCELED
}
