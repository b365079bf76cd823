package com.opsledger.events.connector.event;

import com.opsledger.events.OrgScoped;
import com.opsledger.events.connector.RetrySchedule;
import com.opsledger.events.connector.VerificationPosture;

import java.time.Duration;
import java.time.Instant;

/**
 * An inbound webhook accepted for delivery, with its payload exactly as received; the delivery keeps the schedule,
 * the rule for client errors and the timeout its connection had then.
 */
public record ConnectorEventAccepted(String deliveryId, String connectionId, String connector, String orgId,
                                     String workspaceId, String upstreamId, String eventType,
                                     VerificationPosture posture, String payload, String contentHash,
                                     Instant receivedAt, RetrySchedule retrySchedule, boolean retryClientErrors,
                                     Duration attemptTimeout) implements OrgScoped {
}
