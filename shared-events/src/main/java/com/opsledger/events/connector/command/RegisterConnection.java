package com.opsledger.events.connector.command;

import com.opsledger.events.connector.RetrySchedule;
import com.opsledger.events.connector.VerificationScheme;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/**
 * Registers a connection once per platform id; a repeat with the same content is a no-op that answers the
 * connection's signing secret again.
 *
 * @param sealedInboundSecret the upstream's webhook secret, sealed (null for {@link VerificationScheme#NONE})
 * @param sealedSigningSecret a new secret OpsLedger signs deliveries with, sealed; kept only if this registers
 * @param contentHash         over every field but the sealed secrets, and the inbound secret's fingerprint
 */
public record RegisterConnection(@TargetAggregateIdentifier String connectionId, String platformId, String connector,
                                 String orgId, String workspaceId, String endpointUrl, VerificationScheme scheme,
                                 String sealedInboundSecret, String sealedSigningSecret, RetrySchedule retrySchedule,
                                 boolean retryClientErrors, Duration attemptTimeout, String contentHash) {
}
