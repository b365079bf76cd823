package com.opsledger.events.wallet.command;

import com.opsledger.events.wallet.AuthorizationStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records an authorization as Stripe reported it at {@code observedAt} ({@code issuing_authorization.created} or
 * {@code .updated}): its status, whether Stripe approved it, the amount (captured, once closed) and, when declined,
 * the reason from Stripe's request history ({@code webhook_declined}, {@code webhook_timeout},
 * {@code spending_controls}, {@code card_inactive}, ...). A report older than the one recorded is ignored.
 */
public record RecordAuthorizationOutcome(@TargetAggregateIdentifier String walletId, String authorizationId,
                                         String cardId, AuthorizationStatus status, boolean approved, long amount,
                                         String currency, String stripeReason, String merchantName, String category,
                                         Instant observedAt) {
}
