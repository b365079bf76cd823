package com.opsledger.events.connector.command;

import com.opsledger.events.connector.SecretKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Replaces the inbound (upstream's) or the signing (OpsLedger's) secret of a connection; the secret it replaces
 * keeps working until {@code previousValidUntil}, so neither side has to switch at the same instant.
 */
public record RotateConnectionSecret(@TargetAggregateIdentifier String connectionId, SecretKind kind,
                                     String sealedSecret, Instant previousValidUntil, Instant rotatedAt) {
}
