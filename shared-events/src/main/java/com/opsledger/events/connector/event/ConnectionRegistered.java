package com.opsledger.events.connector.event;

import com.opsledger.events.OrgScoped;
import com.opsledger.events.connector.RetrySchedule;
import com.opsledger.events.connector.VerificationScheme;

import java.time.Duration;

/** A connection of an org's workspace to a connector; its secrets are sealed (never stored in the clear). */
public record ConnectionRegistered(String connectionId, String platformId, String connector, String orgId,
                                   String workspaceId, String endpointUrl, VerificationScheme scheme,
                                   String sealedInboundSecret, String sealedSigningSecret,
                                   RetrySchedule retrySchedule, boolean retryClientErrors, Duration attemptTimeout,
                                   String contentHash) implements OrgScoped {
}
