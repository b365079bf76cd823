package com.opsledger.events.connector.event;

import com.opsledger.events.connector.SecretKind;

import java.time.Instant;

/** A new secret of {@code kind}; the one before it stays live until {@code previousValidUntil}. */
public record ConnectionSecretRotated(String connectionId, SecretKind kind, String sealedSecret,
                                      Instant previousValidUntil, Instant rotatedAt) {
}
