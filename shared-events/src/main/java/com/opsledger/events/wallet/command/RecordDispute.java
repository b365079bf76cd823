package com.opsledger.events.wallet.command;

import com.opsledger.events.wallet.DisputeStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records a dispute on a transaction of the wallet as Stripe reported it at {@code observedAt}: new, with another
 * status, or as known (a no-op). An older report than the one recorded is ignored; a closed dispute stays closed.
 *
 * @param reason Stripe's dispute reason ({@code fraudulent}, {@code not_received}, {@code duplicate}, ...)
 */
public record RecordDispute(@TargetAggregateIdentifier String walletId, String disputeId, String transactionId,
                            DisputeStatus status, long amount, String currency, String reason, Instant observedAt) {
}
