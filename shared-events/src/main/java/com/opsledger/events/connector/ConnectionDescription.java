package com.opsledger.events.connector;

import java.time.Duration;
import java.util.List;

/**
 * What a connection tells the inbound endpoint and the delivery dispatcher ({@code DescribeConnection}): how its
 * webhooks are verified, where and how its events are delivered, and whether they are delivered now.
 *
 * @param inboundSecrets the live inbound secrets, sealed: two while a rotation overlaps
 * @param signingSecrets the live signing secrets, sealed, newest first: a delivery carries a signature by each
 */
public record ConnectionDescription(String connectionId, String connector, String orgId, String workspaceId,
                                    String endpointUrl, VerificationScheme scheme, List<String> inboundSecrets,
                                    List<String> signingSecrets, RetrySchedule retrySchedule,
                                    boolean retryClientErrors, Duration attemptTimeout, Gate gate) {

    public ConnectionDescription {
        inboundSecrets = List.copyOf(inboundSecrets);
        signingSecrets = List.copyOf(signingSecrets);
    }

    /** Whether the connection's events go to its worker now. */
    public enum Gate {
        OPEN,
        /** Paused by an operator: events are held until the resume. */
        PAUSED,
        /** The endpoint was disabled: events are skipped until it is re-enabled and they are replayed. */
        DISABLED,
        /** The connection was revoked: events are skipped. */
        REVOKED
    }
}
