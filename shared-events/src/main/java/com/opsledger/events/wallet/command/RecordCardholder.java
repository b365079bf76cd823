package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Records a Stripe Issuing cardholder of the wallet as Stripe reported it at {@code observedAt}: its status and
 * onboarding requirements ({@code pastDue} fields, {@code disabledReason}). A report older than the one recorded, or
 * the same again, is a no-op.
 */
public record RecordCardholder(@TargetAggregateIdentifier String walletId, String cardholderId, String name,
                               String type, String status, List<String> pastDue, String disabledReason,
                               Instant observedAt) {

    public RecordCardholder {
        pastDue = List.copyOf(pastDue);
    }
}
