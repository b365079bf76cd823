package com.opsledger.events.wallet;

/**
 * Why OpsLedger approved or declined a Stripe Issuing authorization: the first rule that declined it, or how it was
 * approved. {@link #FALLBACK} marks an answer given without a decision (OpsLedger could not decide in Stripe's
 * time), recorded afterwards.
 */
public enum AuthorizationReason {
    WITHIN_POLICY(true),
    COVERED_BY_SPEND_REQUEST(true),
    UNKNOWN_CARD(false),
    CARD_INACTIVE(false),
    CARD_CANCELED(false),
    CURRENCY_MISMATCH(false),
    CATEGORY_BLOCKED(false),
    CATEGORY_NOT_ALLOWED(false),
    OVER_AUTHORIZATION_LIMIT(false),
    OVER_DAILY_LIMIT(false),
    OVER_MONTHLY_LIMIT(false),
    NEEDS_SPEND_REQUEST(false),
    /** Stripe's request carried impossible values (a negative or non-integer amount, no id): never decided. */
    INVALID_REQUEST(false),
    FALLBACK(false);

    private final boolean approves;

    AuthorizationReason(boolean approves) {
        this.approves = approves;
    }

    public boolean approves() {
        return approves;
    }
}
