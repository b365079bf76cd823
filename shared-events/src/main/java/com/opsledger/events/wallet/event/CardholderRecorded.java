package com.opsledger.events.wallet.event;

import java.time.Instant;
import java.util.List;

/**
 * Stripe reported a cardholder of the wallet, new or changed: its status ({@code active}, {@code inactive},
 * {@code blocked}) and the onboarding requirements it has not met ({@code pastDue}, {@code disabledReason}).
 */
public record CardholderRecorded(String walletId, String cardholderId, String name, String type, String status,
                                 List<String> pastDue, String disabledReason, Instant observedAt) {

    public CardholderRecorded {
        pastDue = List.copyOf(pastDue);
    }
}
